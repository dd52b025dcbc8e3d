using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;
using TakeUp.Functions.Trends;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.TakeUp;

/// <summary>
/// <c>GET api/services/{serviceId}/take-up?period=day|week|month|quarter&amp;from&amp;to</c>
/// (service manager, GDS): counts and take-up per period, with empty periods given as zero (the
/// range widens to whole periods); what the assisted sessions logged and the support requests
/// resolved in the range show; the trend and every target's status as last computed.
/// </summary>
public sealed class GetServiceTakeUp(
    ServiceCatalog catalog,
    UsageDailyStore usage,
    TrendStore trends,
    AlertStore alerts,
    AssistedSessionStore sessions,
    SupportRequestStore supportRequests,
    SupportWaiting waiting,
    TimeProvider time)
{
    [Function(nameof(GetServiceTakeUp))]
    [QueryParameters("period", "from", "to")]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<ServiceTakeUpReport>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}/take-up")] HttpRequest request,
        string serviceId) =>
        HandleAsync(
            serviceId,
            request.Query["period"].FirstOrDefault(),
            request.Query["from"].FirstOrDefault(),
            request.Query["to"].FirstOrDefault(),
            request.HttpContext.User,
            catalog,
            usage,
            trends,
            alerts,
            sessions,
            supportRequests,
            waiting,
            time,
            request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<ServiceTakeUpReport>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string? period,
        string? from,
        string? to,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        UsageDailyStore usage,
        TrendStore trends,
        AlertStore alerts,
        AssistedSessionStore sessions,
        SupportRequestStore supportRequests,
        SupportWaiting waiting,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var found = await ServiceAccess.FindAsync(serviceId, catalog, cancellationToken);
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var service = found.Service!.Id;
        if (!Caller.From(user).MayRead(service))
        {
            return Problems.Forbidden($"Your access does not cover the service '{serviceId}'.");
        }

        var errors = new List<InputError>();
        if (!Period.TryParseKind(period ?? "day", out var kind))
        {
            errors.Add(new InputError(0, "period", $"'{period}' is not a period; use day, week, month or quarter."));
        }

        var toDate = QueryDates.Parse(to, "to", errors) ?? UkTime.DateOf(time.GetUtcNow());
        var fromDate = QueryDates.Parse(from, "from", errors) ?? DefaultFrom(kind, toDate);
        QueryDates.CheckRange(fromDate, toDate, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "query");
        }

        var periods = Period.Covering(kind, new DateRange(fromDate, toDate)).ToList();
        var range = new DateRange(periods[0].Start, periods[^1].End);
        var days = await usage.ReadAsync(service, range, cancellationToken);

        var values = new List<TakeUpPeriodValue>(periods.Count);
        var total = ChannelCounts.Empty;
        foreach (var p in periods)
        {
            var counts = ChannelCounts.Empty;
            foreach (var day in p.Days.EachDay())
            {
                if (days.TryGetValue(day, out var dayCounts))
                {
                    counts = counts.Add(dayCounts);
                }
            }

            total = total.Add(counts);
            values.Add(TakeUpPeriodValue.From(p.Label, p.Start, p.End, counts));
        }

        var logged = new List<AssistedSession>();
        AssistedSessionCursor? cursor = null;
        do
        {
            var page = await sessions.ListAsync(new AssistedSessionQuery(service, range, null, null), cursor, 500, cancellationToken);
            logged.AddRange(page.Sessions);
            cursor = page.Next;
        }
        while (cursor is not null);

        var now = time.GetUtcNow();
        var waited = (await supportRequests.ListAsync(service, SupportRequestStatus.Resolved, cancellationToken))
            .Where(r => r.ClosedAt is { } closed && UkTime.DateOf(closed) >= range.From && UkTime.DateOf(closed) <= range.To)
            .Select(r => waiting.Measure(r, now).WorkingDays)
            .OfType<int>();
        var standard = found.Service.SupportStandardDays ?? SupportWaitingMeasures.DefaultStandardDays;

        var targets = (await alerts.GetStatesAsync(service, cancellationToken)).Values
            .OrderBy(s => s.Rule, StringComparer.Ordinal)
            .Select(s => new TargetStatusValue(s.Rule, s.Status, s.Reason, s.Figures, s.EvaluatedAt, s.OpenAlertId))
            .ToList();
        var totalLabel = $"{range.From:yyyy-MM-dd}/{range.To:yyyy-MM-dd}";
        return TypedResults.Ok(new ServiceTakeUpReport(
            service.Value, Period.KindName(kind), range.From, range.To,
            TakeUpPeriodValue.From(totalLabel, range.From, range.To, total), values,
            AssistedSessionsValue.From(AssistedSessionMeasures.From(logged)),
            SupportWaitingValue.From(SupportWaitingMeasures.From(waited, standard)),
            await trends.GetSummaryAsync(service, cancellationToken), targets, MethodValue.All));
    }

    private static DateOnly DefaultFrom(PeriodKind kind, DateOnly to) => kind switch
    {
        PeriodKind.Day => to.AddDays(-27),
        PeriodKind.Week => to.AddDays(-7 * 12),
        PeriodKind.Month => to.AddMonths(-11),
        _ => to.AddMonths(-21),
    };
}
