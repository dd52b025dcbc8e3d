using TakeUp.Functions.Alerts;
using TakeUp.Functions.Storage;
using TakeUp.Hosting;

namespace TakeUp.Functions.Trends;

public static class TrendsSetup
{
    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddOptions<TrendOptions>().BindConfiguration(TrendOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UsageActivityStore>();
        services.AddSingleton<TrendStore>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<RuleRecorder>();
        return services;
    }

    public static WebApplication MapTrends(this WebApplication app)
    {
        app.MapQueueFunction<ComputeServiceTrend, TrendJobMessage>(QueueNames.TrendJobs);
        app.MapTimerFunction<ScheduleTrendComputation>(ScheduleTrendComputation.Schedule);
        app.MapTimerFunction<CheckDataFreshness>(CheckDataFreshness.Schedule);
        app.MapTimerFunction<SendWeeklyDigest>(SendWeeklyDigest.Schedule);
        return app;
    }
}
