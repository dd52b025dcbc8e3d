using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// Sums daily counts into days, weeks (ISO, Monday to Sunday), months or quarters. Per-service and
/// cross-government views use this one rollup, so a week or a month means the same everywhere.
/// </summary>
public static class Rollup
{
    /// <summary>
    /// Every period that overlaps <paramref name="range"/> (see <see cref="Period.Covering"/>), in order,
    /// each with the sum of the days that fall both in it and in the range; a period with no days is
    /// there with <see cref="ChannelCounts.Empty"/>. Days outside the range are ignored, so a week that
    /// sticks out of the range counts only its days inside it: widen the range to whole periods first
    /// when whole periods are wanted. A day given more than once counts each time. The result does not
    /// depend on the order the days are given in.
    /// </summary>
    public static IReadOnlyList<PeriodCounts> By(PeriodKind kind, IEnumerable<KeyValuePair<DateOnly, ChannelCounts>> days, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(days);
        var periods = Period.Covering(kind, range).ToList();
        var index = new Dictionary<DateOnly, int>(periods.Count);
        var sums = new ChannelCounts[periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            index.Add(periods[i].Start, i);
            sums[i] = ChannelCounts.Empty;
        }

        foreach (var (day, counts) in days)
        {
            if (day < range.From || day > range.To)
            {
                continue;
            }

            if (counts is null)
            {
                throw new ArgumentException($"The counts for {day:yyyy-MM-dd} are missing (null).", nameof(days));
            }

            var i = index[Period.Containing(kind, day).Start];
            sums[i] = sums[i].Add(counts);
        }

        var result = new PeriodCounts[periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            result[i] = new PeriodCounts(periods[i], sums[i]);
        }

        return result;
    }

    /// <summary>The sum of the counts of every period given.</summary>
    public static ChannelCounts Total(IEnumerable<PeriodCounts> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var total = ChannelCounts.Empty;
        foreach (var period in periods)
        {
            total = total.Add(period.Counts);
        }

        return total;
    }
}
