using FsCheck;
using FsCheck.Fluent;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Tests.Analysis;

/// <summary>FsCheck generators for counts, days and weekly series.</summary>
internal static class Generators
{
    /// <summary>Each count is at most this, so that sums over years of days stay far from overflow.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Every valid key: each channel, and for digital channels each assisted route.</summary>
    public static readonly IReadOnlyList<CountKey> Keys = Channel.All
        .SelectMany(c => c.IsDigital ? AssistedSupport.All.Select(a => new CountKey(c, a)) : [new CountKey(c, AssistedSupport.None)])
        .ToList();

    /// <summary>Non-negative counts under any mix of keys, including none at all.</summary>
    public static Gen<ChannelCounts> Counts { get; } =
        Gen.ListOf(Gen.Zip(Gen.Elements(Keys.ToArray()), Gen.Choose(0, MaxCount)))
            .Select(pairs => pairs.Aggregate(ChannelCounts.Empty, (counts, pair) => counts.Add(pair.Item1, pair.Item2)));

    public static Gen<DateOnly> DayBetween(DateOnly from, DateOnly to) =>
        Gen.Choose(from.DayNumber, to.DayNumber).Select(DateOnly.FromDayNumber);

    /// <summary>A range from the first day of a month (2023 to 2027) to the last day of the same or a later month, at most 6 months.</summary>
    public static Gen<DateRange> WholeMonths { get; } =
        from year in Gen.Choose(2023, 2027)
        from month in Gen.Choose(1, 12)
        from extra in Gen.Choose(0, 5)
        let first = new DateOnly(year, month, 1)
        select new DateRange(first, first.AddMonths(extra + 1).AddDays(-1));

    /// <summary>A whole-month range with days in it and up to 40 days either side of it (some repeated).</summary>
    public static Gen<(DateRange Range, List<KeyValuePair<DateOnly, ChannelCounts>> Days)> DaysAroundWholeMonths { get; } =
        from range in WholeMonths
        from days in Gen.ListOf(Gen.Zip(DayBetween(range.From.AddDays(-40), range.To.AddDays(40)), Counts))
        select (range, days.Select(d => KeyValuePair.Create(d.Item1, d.Item2)).ToList());

    /// <summary>Days and a shuffled copy of them, over 1 to 30 weeks from a Monday.</summary>
    public static Gen<(DateRange Range, KeyValuePair<DateOnly, ChannelCounts>[] Days, KeyValuePair<DateOnly, ChannelCounts>[] Shuffled)> ShuffledDays { get; } =
        from weeks in Gen.Choose(1, 30)
        from start in DayBetween(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31))
        let monday = Period.Containing(PeriodKind.Week, start).Start
        let range = new DateRange(monday, monday.AddDays(7 * weeks - 1))
        from days in Gen.ListOf(Gen.Zip(DayBetween(range.From, range.To), Counts))
        let array = days.Select(d => KeyValuePair.Create(d.Item1, d.Item2)).ToArray()
        from shuffled in Gen.Shuffle(array)
        select (range, array, shuffled);
}
