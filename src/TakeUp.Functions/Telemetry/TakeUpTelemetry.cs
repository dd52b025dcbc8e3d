using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TakeUp.Functions.Telemetry;

/// <summary>
/// The app's own traces and metrics. Nothing here ever carries personal data or free text: tags are
/// service ids, queue names, rule names, counts and outcomes.
/// </summary>
public static class TakeUpTelemetry
{
    public const string Name = "TakeUp";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Usage rows applied to the daily counts by <c>ApplyUsageBatch</c>.</summary>
    public static readonly Counter<long> RowsApplied = Meter.CreateCounter<long>("takeup.usage.rows_applied", "{row}", "Usage rows applied to the daily counts");

    /// <summary>Submissions or queued batches refused as a whole, by where (<c>http</c> or <c>queue</c>).</summary>
    public static readonly Counter<long> BatchesRefused = Meter.CreateCounter<long>("takeup.usage.batches_refused", "{batch}", "Usage submissions or batches refused");

    /// <summary>Alerts raised, by rule.</summary>
    public static readonly Counter<long> AlertsRaised = Meter.CreateCounter<long>("takeup.alerts.raised", "{alert}", "Alerts raised");

    /// <summary>Alert events delivered to a route, by route kind and outcome.</summary>
    public static readonly Counter<long> AlertsDelivered = Meter.CreateCounter<long>("takeup.alerts.delivered", "{delivery}", "Alert events sent to routes");

    /// <summary>Queue messages whose last allowed delivery failed: the host moves each to the poison queue.</summary>
    public static readonly Counter<long> PoisonMessages = Meter.CreateCounter<long>("takeup.queue.poison_messages", "{message}", "Messages that failed their last allowed delivery");

    /// <summary>How many services' usage feeds were late at the last hourly freshness check: the "feed stopped" alert watches it.</summary>
    public static readonly Gauge<long> LateFeeds = Meter.CreateGauge<long>("takeup.feeds.late", "{service}", "Services whose usage feed is late for its expected frequency");

    /// <summary>The current trace as a W3C traceparent, to carry on a queue message.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Continues, in a queue function, the trace of whoever queued the message: the host starts a
    /// new trace for each queue invocation, so the message carries its producer's traceparent.
    /// </summary>
    public static Activity? ContinueFrom(string? traceParent, string name) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, ActivityKind.Consumer, parent)
            : Source.StartActivity(name, ActivityKind.Consumer);
}
