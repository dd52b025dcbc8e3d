using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Calendar;
using TakeUp.Functions.Hosting;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;

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
    ILogger<ScheduleTrendComputation> logger)
{
    /// <summary>01:30 in London: the UTC times that can be 01:30 London on either side of a clock change.</summary>
    public const string UtcSchedule = "0 30 0,1 * * *";
    public const string LondonTime = "0 30 1 * * *";
    private static readonly LondonSchedule London = new(UtcSchedule, LondonTime);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function(nameof(ScheduleTrendComputation))]
    public async Task RunAsync([TimerTrigger(UtcSchedule)] TimerInfo timer, FunctionContext context)
    {
        if (!London.ShouldRun(timer, time.GetUtcNow()))
        {
            Log.NotLondonTime(logger, nameof(ScheduleTrendComputation), time.GetUtcNow(), LondonTime);
            return;
        }

        var cancellationToken = context.CancellationToken;
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
