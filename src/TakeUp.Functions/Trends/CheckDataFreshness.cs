using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Analysis;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;

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
    ILogger<CheckDataFreshness> logger)
{
    /// <summary>
    /// Hourly at :05, declared in UTC as the host runs it. London is always a whole number of hours
    /// from UTC, so every firing is also :05 in London and, unlike the daily timers, it needs no
    /// London check.
    /// </summary>
    public const string UtcSchedule = "0 5 * * * *";

    [Function(nameof(CheckDataFreshness))]
    public async Task RunAsync([TimerTrigger(UtcSchedule)] TimerInfo timer, FunctionContext context)
    {
        var cancellationToken = context.CancellationToken;
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
        Telemetry.TakeUpTelemetry.LateFeeds.Record(late);
    }
}
