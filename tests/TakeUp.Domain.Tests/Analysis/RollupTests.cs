using FsCheck;
using FsCheck.Fluent;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class RollupTests
{
    private static List<KeyValuePair<CountKey, long>> Entries(ChannelCounts counts) => counts.Entries.ToList();

    private static KeyValuePair<DateOnly, ChannelCounts> Day(string date, ChannelCounts counts) => KeyValuePair.Create(Date(date), counts);

    [Fact]
    public void Days_roll_into_ISO_weeks_across_the_new_year_with_empty_weeks_zero_filled_and_days_outside_the_range_ignored()
    {
        var days = new[]
        {
            Day("2025-12-23", Counts(online: 5)), // before the range
            Day("2025-12-24", Counts(online: 10)),
            Day("2025-12-28", Counts(phone: 3)),
            Day("2026-01-01", Counts(online: 7)),
            Day("2026-01-08", Counts(online: 100)), // after the range
        };

        var weeks = Rollup.By(PeriodKind.Week, days, new DateRange(Date("2025-12-24"), Date("2026-01-07")));

        Assert.Equal(["2025-W52", "2026-W01", "2026-W02"], weeks.Select(w => w.Period.Label));
        Assert.Equal(Entries(Counts(online: 10, phone: 3)), Entries(weeks[0].Counts));
        Assert.Equal(Entries(Counts(online: 7)), Entries(weeks[1].Counts));
        Assert.Empty(weeks[2].Counts.Entries);
    }

    [Fact]
    public void Months_and_quarters_cover_the_range_in_order()
    {
        var days = new[] { Day("2026-05-31", Counts(online: 2)), Day("2026-02-01", Counts(paper: 1)), Day("2026-06-30", Counts(online: 4)) };
        var range = new DateRange(Date("2026-01-01"), Date("2026-06-30"));

        var months = Rollup.By(PeriodKind.Month, days, range);
        var quarters = Rollup.By(PeriodKind.Quarter, days, range);

        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], months.Select(m => m.Period.Label));
        Assert.Equal([0L, 1, 0, 0, 2, 4], months.Select(m => m.Counts.Total));
        Assert.Equal(["2026-Q1", "2026-Q2"], quarters.Select(q => q.Period.Label));
        Assert.Equal([1L, 6], quarters.Select(q => q.Counts.Total));
    }

    [Fact]
    public void Weeks_either_side_of_a_clock_change_are_seven_London_days_each()
    {
        // British Summer Time began on Sunday 29 March 2026: the week of 23 March has a 23-hour day.
        var range = new DateRange(Date("2026-03-23"), Date("2026-04-05"));
        var days = range.EachDay().Select(d => KeyValuePair.Create(d, Counts(online: 1)));

        var weeks = Rollup.By(PeriodKind.Week, days, range);

        Assert.Equal([("2026-W13", 7L), ("2026-W14", 7L)], weeks.Select(w => (w.Period.Label, w.Counts.Total)));
        Assert.Equal(Date("2026-03-29"), weeks[0].Period.End);
    }

    [Fact]
    public void A_week_sticking_out_of_the_range_counts_only_its_days_inside_it()
    {
        var days = new[] { Day("2026-11-16", Counts(online: 1)), Day("2026-11-18", Counts(online: 2)), Day("2026-11-20", Counts(online: 4)) };

        var weeks = Rollup.By(PeriodKind.Week, days, new DateRange(Date("2026-11-18"), Date("2026-11-19")));

        Assert.Equal(Date("2026-11-16"), Assert.Single(weeks).Period.Start);
        Assert.Equal(2, weeks[0].Counts.Total);
    }

    [Fact]
    public void A_day_given_twice_counts_twice()
    {
        var days = new[] { Day("2026-11-16", Counts(online: 1)), Day("2026-11-16", Counts(online: 2, phone: 1)) };

        var result = Rollup.By(PeriodKind.Day, days, new DateRange(Date("2026-11-16"), Date("2026-11-16")));

        Assert.Equal(Entries(Counts(online: 3, phone: 1)), Entries(Assert.Single(result).Counts));
    }

    [Fact]
    public void Missing_counts_for_a_day_in_the_range_are_refused()
    {
        var days = new[] { KeyValuePair.Create(Date("2026-11-16"), (ChannelCounts)null!) };

        Assert.Throws<ArgumentException>(() => Rollup.By(PeriodKind.Week, days, new DateRange(Date("2026-11-16"), Date("2026-11-16"))));
    }

    [Fact]
    public void Total_adds_every_period()
    {
        var weeks = Weeks("2026-11-16", Counts(online: 1, phone: 2), Counts(online: 3, assisted: 4));

        Assert.Equal(Entries(Counts(online: 4, assisted: 4, phone: 2)), Entries(Rollup.Total(weeks)));
    }

    [Fact]
    public void For_a_range_of_whole_months_the_months_and_the_weeks_covering_it_each_sum_to_the_days_in_the_range_whatever_lies_outside_it()
    {
        Prop.ForAll(Generators.DaysAroundWholeMonths.ToArbitrary(), input =>
        {
            var (range, days) = input;
            var inRange = days.Where(d => d.Key >= range.From && d.Key <= range.To).Select(d => d.Value);
            var expected = Entries(inRange.Aggregate(ChannelCounts.Empty, (sum, c) => sum.Add(c)));

            var months = Rollup.By(PeriodKind.Month, days, range);
            var weeks = Rollup.By(PeriodKind.Week, days, range);

            Assert.Equal(range.From, months[0].Period.Start);
            Assert.Equal(range.To, months[^1].Period.End);
            Assert.Equal(expected, Entries(Rollup.Total(months)));
            Assert.Equal(expected, Entries(Rollup.Total(weeks)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Each_period_holds_exactly_the_days_inside_both_it_and_the_range()
    {
        var input = Generators.DaysAroundWholeMonths.Zip(Gen.Elements(PeriodKind.Day, PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter));
        Prop.ForAll(input.ToArbitrary(), pair =>
        {
            var ((range, days), kind) = pair;
            foreach (var period in Rollup.By(kind, days, range))
            {
                var expected = days
                    .Where(d => d.Key >= range.From && d.Key <= range.To && d.Key >= period.Period.Start && d.Key <= period.Period.End)
                    .Aggregate(ChannelCounts.Empty, (sum, d) => sum.Add(d.Value));
                Assert.Equal(Entries(expected), Entries(period.Counts));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rollups_do_not_depend_on_the_order_the_days_are_given_in()
    {
        Prop.ForAll(Generators.ShuffledDays.ToArbitrary(), input =>
        {
            foreach (var kind in new[] { PeriodKind.Day, PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter })
            {
                var inOrder = Rollup.By(kind, input.Days, input.Range);
                var shuffled = Rollup.By(kind, input.Shuffled, input.Range);

                Assert.Equal(inOrder.Select(p => p.Period), shuffled.Select(p => p.Period));
                Assert.Equal(inOrder.Select(p => Entries(p.Counts)), shuffled.Select(p => Entries(p.Counts)));
            }
        }).QuickCheckThrowOnFailure();
    }
}
