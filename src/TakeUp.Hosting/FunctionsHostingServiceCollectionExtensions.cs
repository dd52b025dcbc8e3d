using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TakeUp.Hosting.Functions;
using TakeUp.Hosting.Invocation;
using TakeUp.Hosting.LocalRuntime;
using TakeUp.Hosting.Metadata;

namespace TakeUp.Hosting;

public static class FunctionsHostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the custom-handler host: the function catalog, the invoker, and (active only
    /// without the Functions host) the local trigger runtime. Pair with
    /// <see cref="FunctionsHostingEndpointExtensions.MapFunctionsHost"/>. Queue functions in local
    /// mode also need an <see cref="ITriggerQueueProvider"/> from the app.
    /// </summary>
    public static IServiceCollection AddFunctionsHosting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(service => service.ServiceType == typeof(FunctionsHostRegistration)))
        {
            return services;
        }

        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => FunctionsHostEnvironment.FromConfiguration(configuration));
        services.AddSingleton<FunctionsHostRegistration>();

        services.AddOptions<FunctionsHostOptions>().Bind(configuration.GetSection(FunctionsHostOptions.SectionName));
        services.AddSingleton(sp => HostJsonLoader.Load(
            sp.GetRequiredService<IOptions<FunctionsHostOptions>>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(sp => FunctionCatalog.FromEndpoints(
            sp.GetRequiredService<FunctionsHostRegistration>().Endpoints, sp.GetRequiredService<HostJsonSettings>().RoutePrefix));
        services.AddSingleton<IFunctionInvoker, FunctionInvoker>();

        // Order matters: host.json supplies defaults, the LocalRuntime section overrides them.
        services.AddSingleton<IConfigureOptions<LocalRuntimeOptions>, LocalRuntimeHostJsonDefaults>();
        services.AddOptions<LocalRuntimeOptions>()
            .Bind(configuration.GetSection(LocalRuntimeOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<LocalRuntimeOptions>, LocalRuntimeDataDirectoryDefault>();
        services.AddSingleton<IValidateOptions<LocalRuntimeOptions>, LocalRuntimeOptionsValidator>();

        services.AddSingleton<LocalTriggerRuntime>();
        services.TryAddSingleton<IScheduleMonitor, FileScheduleMonitor>();
        services.TryAddSingleton<IStorageEmulatorLauncher, AzuriteLauncher>();
        services.AddSingleton<BackgroundInvocations>();

        // Hosted services start in this order: declarations checked, then storage, then the
        // listeners that need it. They stop in reverse, so admin runs finish before storage goes.
        services.AddHostedService<FunctionsHostStartupCheck>();
        services.AddHostedService<LocalStorageEmulatorService>();
        services.AddHostedService<QueueListenerService>();
        services.AddHostedService<TimerSchedulerService>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundInvocations>());
        return services;
    }
}
