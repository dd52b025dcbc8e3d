using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Hosting;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Trends;

/// <summary>
/// Queue function (<c>trend-jobs</c>): recomputes one service. Rolls its days into weeks, months
/// and quarters and writes those with new data (all of them on a full run) to <c>Trends</c> and
/// <c>CrossGov</c>; computes the trend; evaluates every target and data-quality rule; raises an
/// alert when a status gets worse and resolves it when it recovers. Running it twice stores the
/// same result and raises nothing new.
/// </summary>
public sealed class ComputeServiceTrend(
    ServiceCatalog catalog,
    UsageDailyStore usage,
    AssistedSessionStore sessions,
    SupportRequestStore supportRequests,
    SupportWaiting waiting,
    UsageActivityStore activity,
    TrendStore trends,
    RuleRecorder rules,
    IOptions<TrendOptions> options,
    TrendComputationGate gate,
    TimeProvider time,
    ILogger<ComputeServiceTrend> logger)
{
    private static readonly PeriodKind[] StoredKinds = [PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter];

    [Function(nameof(ComputeServiceTrend))]
    public Task RunAsync([QueueTrigger(QueueNames.TrendJobs, Connection = StorageConnection.Setting)] TrendJobMessage message, FunctionContext context) =>
        RunAsync(message, QueueDelivery.From(context), context.CancellationToken);

    // Internal, not public: the worker finds a function's method by name alone, so a second public
    // RunAsync would make it ambiguous. The tests reach this one through InternalsVisibleTo.
    internal async Task RunAsync(TrendJobMessage message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        if (!ServiceId.TryParse(message.Service, out var serviceId))
        {
            throw new InvalidDataException($"Not a trend job: '{message.Service}' is not a service id.");
        }

        var service = await catalog.FindAsync(serviceId, cancellationToken)
            ?? throw new InvalidDataException($"The service '{serviceId}' is not in the catalogue.");
        using var slot = await gate.EnterAsync(cancellationToken);
        var now = time.GetUtcNow();
        var asOf = UkTime.DateOf(now);
        var settings = new TrendSettings(options.Value.MinimumWeeklyVolume);
        // Each kind of period rolls up over whole periods, so the oldest week or month is never partial.
        var earliest = asOf.AddYears(-options.Value.HistoryYears);
        DateRange Whole(PeriodKind kind) => new(Period.Containing(kind, earliest).Start, asOf);
        var history = new DateRange(StoredKinds.Min(kind => Whole(kind).From), asOf);
        var before = await activity.GetAsync(serviceId, cancellationToken);

        var days = await usage.ReadDaysAsync(serviceId, history, cancellationToken);
        var counts = days.Select(d => KeyValuePair.Create(d.Date, d.Counts)).ToList();
        var changedDays = message.Full || before.LastComputedAt is null
            ? days.Select(d => d.Date).ToHashSet()
            : days.Where(d => d.UpdatedAt > before.LastComputedAt).Select(d => d.Date).ToHashSet();

        var weeks = WeeklySeries.CompleteBefore(Rollup.By(PeriodKind.Week, counts, Whole(PeriodKind.Week)), asOf);
        var trend = TrendCalculator.Analyse(weeks, settings, service.TakeUpTarget?.Share);

        var changedPeriods = StoredKinds
            .SelectMany(kind => Rollup.By(kind, counts, Whole(kind)))
            .Where(p => p.Period.End < asOf || p.Period.Kind != PeriodKind.Week)
            .Where(p => changedDays.Any(d => d >= p.Period.Start && d <= p.Period.End))
            .ToList();
        await trends.WritePeriodsAsync(service, changedPeriods, trend.Points.ToDictionary(p => p.Week.Start), cancellationToken);
        await trends.WriteSummaryAsync(serviceId, Summarise(trend, service, asOf), cancellationToken);

        var recentDays = WeeklySeries.CompleteWeeksBefore(asOf, settings.LongWindow);
        var recentSessions = await ReadSessionsAsync(serviceId, recentDays, cancellationToken);
        var resolved = (await supportRequests.ListAsync(serviceId, SupportRequestStatus.Resolved, cancellationToken))
            .Select(r => (Request: r, Waited: waiting.Measure(r, now).WorkingDays))
            .Where(r => r.Request.ClosedAt is not null && r.Waited is not null)
            .Select(r => new ResolvedSupportRequest(UkTime.DateOf(r.Request.ClosedAt!.Value), r.Waited!.Value))
            .ToList();

        TargetEvaluation[] evaluations =
        [
            DigitalTakeUpTargetRule.Evaluate(service.TakeUpTarget, weeks, settings, asOf),
            // Without a baseline the rule takes the first full year of data, and says so.
            DigitalInclusionTargetRule.Evaluate(service.InclusionBaseline, weeks, settings, asOf),
            OfflineUsersCompletingRule.Evaluate(recentSessions, settings, asOf),
            SupportStandardRule.Evaluate(resolved, service.SupportStandardDays, settings, asOf),
            DataQualityRules.ChannelDroppedToZero(weeks, settings, asOf),
            DataQualityRules.FullDigitalWithOfflineChannels(weeks, service.OfflineChannels, settings, asOf),
            DataQualityRules.SessionsExceedAssisted(weeks, recentSessions, asOf),
        ];
        var alerts = await rules.RecordAsync(serviceId, evaluations, cancellationToken);

        await activity.RecordComputedAsync(serviceId, now, cancellationToken);
        Log.TrendComputed(logger, serviceId.Value, changedPeriods.Count, alerts.Count, message.Full);
    }

    private async Task<IReadOnlyList<AssistedSession>> ReadSessionsAsync(ServiceId service, DateRange days, CancellationToken cancellationToken)
    {
        var all = new List<AssistedSession>();
        AssistedSessionCursor? cursor = null;
        do
        {
            var page = await sessions.ListAsync(new AssistedSessionQuery(service, days, null, null), cursor, 500, cancellationToken);
            all.AddRange(page.Sessions);
            cursor = page.Next;
        }
        while (cursor is not null);

        return all;
    }

    private static TrendSummary Summarise(TrendAnalysis trend, ServiceRecord service, DateOnly asOf)
    {
        var latest = trend.Latest;
        var target = service.TakeUpTarget;
        var note = target is null ? "No digital take-up target is set."
            : trend.ReachesTarget is { } on ? $"The trend line reaches {target.Share:P0} on {on:yyyy-MM-dd}."
            : trend.Line is null ? "Too few weeks meet the minimum volume to draw a trend line."
            : $"Not on this trend: the line does not reach {target.Share:P0} within {TrendLine.HorizonYears} years.";
        return new TrendSummary(
            asOf,
            latest?.Week.Label,
            latest?.TakeUp,
            latest?.MovingAverage4,
            latest?.MovingAverage13,
            trend.WeekOnWeekChange,
            trend.Line?.SlopePointsPerWeek,
            trend.Line?.SlopeLow,
            trend.Line?.SlopeHigh,
            trend.Line?.Weeks.Count ?? 0,
            target?.Share,
            target?.By,
            trend.ReachesTarget,
            note,
            AnalysisMethods.TakeUpTrend.Name,
            AnalysisMethods.TakeUpTrend.Version,
            trend.Line?.FittedNow);
    }
}
