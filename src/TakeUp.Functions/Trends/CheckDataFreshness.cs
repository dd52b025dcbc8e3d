using TakeUp.Domain.Analysis;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;
using TakeUp.Hosting;

namespace TakeUp.Functions.Trends;

/// <summary>
/// Timer function, hourly: flags each service whose usage feed is late for its expected frequency
/// (and resolves the flag when data arrives), through the same alert rules as the targets.
/// </summary>
public sealed class CheckDataFreshness(
    ServiceCatalog catalog,
    UsageActivityStore activity,
    RuleRecorder rules,
    TimeProvider time,
    ILogger<CheckDataFreshness> logger) : ITimerFunction
{
    public const string Schedule = "0 5 * * * *";

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var activities = await activity.GetAllAsync(cancellationToken);
        var late = 0;
        foreach (var service in (await catalog.GetAllAsync(cancellationToken)).Values)
        {
            var evaluation = DataQualityRules.FeedLate(service.FeedFrequency, activities.GetValueOrDefault(service.Id)?.LastArrivedAt, now);
            if (evaluation.Status.Severity() > 0)
            {
                late++;
            }

            await rules.RecordAsync(service.Id, [evaluation], cancellationToken);
        }

        Log.FreshnessChecked(logger, activities.Count, late);
    }
}
