using System.Globalization;
using TakeUp.Domain.Calendar;

namespace TakeUp.Functions.Trends;

/// <summary>
/// The only place <c>Trends</c> and <c>CrossGov</c> keys are built. Period keys as the design has
/// them: <c>D2026-11-20</c> is not stored; <c>W2026-47</c>, <c>M2026-11</c>, <c>Q2026-4</c>.
/// </summary>
public static class TrendKeys
{
    public const string ActivityRowKey = "activity";
    public const string SummaryRowKey = "summary";

    public static string PeriodKey(Period period) => period.Kind switch
    {
        PeriodKind.Week => "W" + period.Label.Replace("-W", "-", StringComparison.Ordinal),
        PeriodKind.Month => "M" + period.Label,
        PeriodKind.Quarter => "Q" + period.Label.Replace("-Q", "-", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period.Kind, "Only weeks, months and quarters are stored."),
    };

    public static string CrossGovRowKey(string department, string service) => $"{department}|{service}";

    public static string Label(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
