using Microsoft.Azure.Functions.Worker.Builder;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Demo;
using TakeUp.Functions.Http;
using TakeUp.Functions.Local;
using TakeUp.Functions.Pages;
using TakeUp.Functions.Retention;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Telemetry;
using TakeUp.Functions.Trends;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Startup;

public static class AppServices
{
    /// <summary>Every service of the app and the worker middleware every HTTP function runs through.</summary>
    public static FunctionsApplicationBuilder AddTakeUp(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddTakeUp(builder.Configuration);
        builder.UseHttpFunctionPipeline();
        return builder;
    }

    public static IServiceCollection AddTakeUp(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddProblemDetails();
        services.AddTakeUpTelemetry(configuration);
        services.AddStorage(configuration);

        services.AddTakeUpAuth(configuration);
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<Idempotency>();
        services.AddSingleton<FunctionMethods>();

        services.AddSingleton<ServiceStore>();
        services.AddSingleton<ServiceCatalog>();

        services.AddSingleton<UsageDailyStore>();
        services.AddSingleton<UsageReceiptStore>();
        services.AddSingleton<UsageIntake>();
        services.AddAssisted();
        services.AddSingleton<TakeUp.CrossGovStore>();
        services.AddAlerts();
        services.AddTrends();
        services.AddDemo();
        services.AddPages();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<LocalSetupOptions>().BindConfiguration(LocalSetupOptions.Section);
        services.AddSingleton<LocalSetup>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalSetup>());
        return services.ReadKeyRingOnFirstUse();
    }
}
