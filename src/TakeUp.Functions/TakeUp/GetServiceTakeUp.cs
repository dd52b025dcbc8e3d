using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Http;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.TakeUp;

/// <summary>
/// <c>GET api/services/{serviceId}/take-up?period=day|week|month|quarter&amp;from&amp;to</c>: counts
/// and take-up per period, with empty periods given as zero. The range widens to whole periods.
/// </summary>
public static class GetServiceTakeUp
{
    /// <summary>Ten years of days: enough for any trend, small enough to read in one request.</summary>
    public const int MaxRangeDays = 3660;

    public static async Task<Results<Ok<ServiceTakeUpReport>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        [FromQuery] string? period,
        [FromQuery] string? from,
        [FromQuery] string? to,
        UsageDailyStore usage,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        if (!ServiceId.TryParse(serviceId, out var service))
        {
            errors.Add(new InputError(0, "serviceId", ServiceId.Rule(serviceId)));
        }

        if (!Period.TryParseKind(period ?? "day", out var kind))
        {
            errors.Add(new InputError(0, "period", $"'{period}' is not a period; use day, week, month or quarter."));
        }

        var today = UkTime.DateOf(time.GetUtcNow());
        var toDate = ParseDate(to, "to", errors) ?? today;
        var fromDate = ParseDate(from, "from", errors) ?? DefaultFrom(kind, toDate);
        if (errors.Count == 0 && fromDate > toDate)
        {
            errors.Add(new InputError(0, "from", $"from ({fromDate:yyyy-MM-dd}) is after to ({toDate:yyyy-MM-dd})."));
        }

        if (errors.Count == 0 && toDate.DayNumber - fromDate.DayNumber + 1 > MaxRangeDays)
        {
            errors.Add(new InputError(0, "from", $"The range is longer than {MaxRangeDays} days; ask for less at a time."));
        }

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

        var totalLabel = $"{range.From:yyyy-MM-dd}/{range.To:yyyy-MM-dd}";
        return TypedResults.Ok(new ServiceTakeUpReport(
            service.Value, Period.KindName(kind), range.From, range.To,
            TakeUpPeriodValue.From(totalLabel, range.From, range.To, total), values, MethodValue.All));
    }

    private static DateOnly DefaultFrom(PeriodKind kind, DateOnly to) => kind switch
    {
        PeriodKind.Day => to.AddDays(-27),
        PeriodKind.Week => to.AddDays(-7 * 12),
        PeriodKind.Month => to.AddMonths(-11),
        _ => to.AddMonths(-21),
    };

    private static DateOnly? ParseDate(string? text, string field, List<InputError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new InputError(0, field, $"'{text}' is not a date in the form yyyy-MM-dd."));
        return null;
    }
}
