using System.Text.Json;
using TakeUp.Domain.Calendar;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Hosting;

namespace TakeUp.Functions.Trends;

/// <summary>
/// Timer function, nightly at 01:30 London time: one <c>trend-jobs</c> message per service with new
/// data since its last computation; on Mondays, when a week has just ended, every service, in full.
/// </summary>
public sealed class ScheduleTrendComputation(
    ServiceCatalog catalog,
    UsageActivityStore activity,
    StorageAccount storage,
    TimeProvider time,
    ILogger<ScheduleTrendComputation> logger) : ITimerFunction
{
    public const string Schedule = "0 30 1 * * *";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var full = UkTime.DateOf(time.GetUtcNow()).DayOfWeek == DayOfWeek.Monday;
        var services = await catalog.GetAllAsync(cancellationToken);
        var activities = await activity.GetAllAsync(cancellationToken);
        var queue = storage.Queue(QueueNames.TrendJobs);
        var scheduled = 0;
        foreach (var service in services.Keys.OrderBy(s => s.Value, StringComparer.Ordinal))
        {
            if (full || (activities.TryGetValue(service, out var seen) && seen.HasNewData))
            {
                await queue.SendMessageAsync(JsonSerializer.Serialize(new TrendJobMessage(service.Value, full), Json), null, null, cancellationToken);
                scheduled++;
            }
        }

        Log.TrendsScheduled(logger, scheduled, full);
    }
}
