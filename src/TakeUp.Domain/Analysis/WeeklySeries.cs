using TakeUp.Domain.Calendar;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// The weekly series the trend and the rules read: ISO weeks, oldest first, as <see cref="Rollup.By"/>
/// gives them for <see cref="PeriodKind.Week"/>. Gaps are allowed (a week missing is a week with no
/// figure), but not repeats or disorder.
/// </summary>
public static class WeeklySeries
{
    /// <summary>
    /// The weeks that are over on <paramref name="asOf"/> (the London date of the evaluation, "today"):
    /// those whose Sunday is before it. The week containing <paramref name="asOf"/> is never complete.
    /// </summary>
    public static IReadOnlyList<PeriodCounts> CompleteBefore(IReadOnlyList<PeriodCounts> weeks, DateOnly asOf)
    {
        Validate(weeks, nameof(weeks));
        return weeks.Where(w => w.Period.End < asOf).ToList();
    }

    /// <summary>
    /// The weeks of the series that fall in its last <paramref name="count"/> calendar weeks, ending with
    /// the last week given ("now"). Fewer come back when the series is shorter or has gaps.
    /// </summary>
    public static IReadOnlyList<PeriodCounts> Last(IReadOnlyList<PeriodCounts> weeks, int count)
    {
        Validate(weeks, nameof(weeks));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (weeks.Count == 0)
        {
            return [];
        }

        var first = weeks[^1].Period.Start.AddDays(-7 * (count - 1));
        return weeks.Where(w => w.Period.Start >= first).ToList();
    }

    /// <summary>The days of the <paramref name="count"/> complete weeks before the week containing <paramref name="asOf"/>.</summary>
    public static DateRange CompleteWeeksBefore(DateOnly asOf, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var thisWeek = Period.Containing(PeriodKind.Week, asOf).Start;
        return new DateRange(thisWeek.AddDays(-7 * count), thisWeek.AddDays(-1));
    }

    internal static void Validate(IReadOnlyList<PeriodCounts> weeks, string paramName)
    {
        ArgumentNullException.ThrowIfNull(weeks, paramName);
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i] is null)
            {
                throw new ArgumentException($"Week {i} of the series is missing (null).", paramName);
            }

            if (weeks[i].Period.Kind != PeriodKind.Week)
            {
                throw new ArgumentException($"The series must be of weeks, but item {i} is {Period.KindName(weeks[i].Period.Kind)} {weeks[i].Period.Label}.", paramName);
            }

            if (i > 0 && weeks[i].Period.Start <= weeks[i - 1].Period.Start)
            {
                throw new ArgumentException(
                    $"The weeks must be oldest first with none repeated, but {weeks[i].Period.Label} comes after {weeks[i - 1].Period.Label}.", paramName);
            }
        }
    }
}
