using Microsoft.Extensions.Options;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Usage;
using TakeUp.Hosting;

namespace TakeUp.Functions.Startup;

public static class AppServices
{
    public static IServiceCollection AddTakeUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingletonTimeProvider();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);

        // The hosting layer first: in local mode it starts the storage emulator before anything uses storage.
        services.AddFunctionsHosting(configuration);

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => StorageAccount.Create(configuration, sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddSingleton<ITriggerQueueProvider, StorageTriggerQueueProvider>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());

        services.AddSingleton<UsageDailyStore>();
        services.AddSingleton<UsageReceiptStore>();
        services.AddSingleton<UsageIntake>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
