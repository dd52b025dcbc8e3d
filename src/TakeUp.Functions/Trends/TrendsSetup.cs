using TakeUp.Functions.Alerts;

namespace TakeUp.Functions.Trends;

public static class TrendsSetup
{
    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddOptions<TrendOptions>().BindConfiguration(TrendOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UsageActivityStore>();
        services.AddSingleton<TrendStore>();
        services.AddSingleton<TrendComputationGate>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<RuleRecorder>();
        return services;
    }
}
