using System.Globalization;
using TakeUp.Domain.Services;

namespace TakeUp.Domain.Analysis;

/// <summary>The digital-inclusion baseline for a service that has none in the catalogue, taken from its own data.</summary>
public static class InclusionBaselines
{
    /// <summary>
    /// The assisted-digital share of all transactions (<see cref="AnalysisMethods.AssistedDigitalShareOfTransactions"/>)
    /// over the first full calendar year of data, dated 1 July of that year (its middle). A year is
    /// taken as its ISO week-year (the weeks whose Thursday falls in it, 52 or 53 of them), so no week
    /// is split between years. The year is the first that starts on or after the first week with any
    /// transactions and whose every week is in the series. Null when there is no such year yet, or it
    /// has no transactions.
    /// </summary>
    public static InclusionBaseline? FromFirstFullYear(IReadOnlyList<PeriodCounts> weeks)
    {
        WeeklySeries.Validate(weeks, nameof(weeks));
        var first = weeks.FirstOrDefault(w => w.Counts.Total > 0);
        if (first is null)
        {
            return null;
        }

        var firstMonday = first.Period.Start.ToDateTime(TimeOnly.MinValue);
        var year = ISOWeek.GetYear(firstMonday);
        if (DateOnly.FromDateTime(ISOWeek.GetYearStart(year)) < first.Period.Start)
        {
            year++;
        }

        var start = DateOnly.FromDateTime(ISOWeek.GetYearStart(year));
        var end = DateOnly.FromDateTime(ISOWeek.GetYearEnd(year));
        var inYear = weeks.Where(w => w.Period.Start >= start && w.Period.End <= end).ToList();
        if (inYear.Count != ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        var total = Rollup.Total(inYear);
        return total.Total == 0 ? null : new InclusionBaseline((double)total.AssistedDigital / total.Total, new DateOnly(year, 7, 1));
    }
}
