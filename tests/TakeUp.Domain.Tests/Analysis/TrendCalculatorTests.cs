using FsCheck;
using FsCheck.Fluent;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class TrendCalculatorTests
{
    private static readonly TrendSettings Settings = TrendSettings.Default;

    /// <summary>13 weeks from Monday 5 January 2026 to the week of Monday 30 March 2026, take-up 50% to 62%.</summary>
    private static IReadOnlyList<PeriodCounts> Linear() => TakeUpWeeks("2026-01-05", Enumerable.Range(50, 13).Select(i => (double)i));

    [Fact]
    public void A_linear_series_from_50_to_62_percent_rises_one_point_a_week_and_reaches_70_eight_weeks_after_the_last_week()
    {
        var trend = TrendCalculator.Analyse(Linear(), Settings, 0.70);

        var line = Assert.IsType<TrendLine>(trend.Line);
        Assert.Equal(Week("2026-03-30"), trend.Now);
        Assert.Equal(1.0, line.SlopePointsPerWeek, 9);
        Assert.Equal(62.0, line.FittedNow, 9);
        Assert.Equal(13, line.Weeks.Count);
        Assert.Equal(Date("2026-03-30").AddDays(56), trend.ReachesTarget);
        Assert.Equal(Date("2026-05-25"), trend.ReachesTarget);
        Assert.Equal(1.0, line.SlopeLow, 9); // every point on the line: no width
        Assert.Equal(1.0, line.SlopeHigh, 9);
    }

    [Fact]
    public void The_slope_interval_uses_Student_t_with_n_minus_2_degrees_of_freedom()
    {
        // Take-up 10, 12, 11, 13%: slope 0.8, standard error √0.18, t(0.975, 2) = 4.302653.
        var trend = TrendCalculator.Analyse(TakeUpWeeks("2026-03-09", [10, 12, 11, 13]), Settings, null);

        var line = trend.Line!;
        Assert.Equal(0.8, line.SlopePointsPerWeek, 9);
        Assert.Equal(12.7, line.FittedNow, 9);
        Assert.Equal(2, line.DegreesOfFreedom);
        Assert.Equal(0.8 - 4.302653 * Math.Sqrt(0.18), line.SlopeLow, 5);
        Assert.Equal(0.8 + 4.302653 * Math.Sqrt(0.18), line.SlopeHigh, 5);
        Assert.Equal(-1.02546, line.SlopeLow, 5);
        Assert.Equal("digital-take-up-trend", line.Method.Name);
    }

    [Fact]
    public void Weekly_take_up_is_a_share_and_weeks_below_the_minimum_volume_are_marked_and_left_out_of_the_line()
    {
        var weeks = Weeks("2026-03-02",
            Counts(online: 480, phone: 520),
            Counts(online: 99), // 99 transactions: below 100
            Counts(online: 520, phone: 480),
            Counts(online: 540, phone: 460),
            Counts(online: 560, phone: 440));

        var trend = TrendCalculator.Analyse(weeks, Settings, null);

        Assert.Equal([0.48, 1.0, 0.52, 0.54, 0.56], trend.Points.Select(p => p.TakeUp!.Value));
        Assert.Equal([false, true, false, false, false], trend.Points.Select(p => p.BelowMinimumVolume));
        Assert.Equal(4, trend.JudgedWeeks);
        Assert.DoesNotContain(Week("2026-03-09"), trend.Line!.Weeks);
        Assert.Equal(2.0, trend.Line.SlopePointsPerWeek, 9); // 48, 52, 54, 56 at weeks -4, -2, -1, 0
        Assert.Equal(56.0, trend.Line.FittedNow, 9);
    }

    [Fact]
    public void Moving_averages_are_weighted_by_volume()
    {
        var weeks = Weeks("2026-03-02", Counts(online: 50, phone: 50), Counts(online: 270, phone: 30));

        var trend = TrendCalculator.Analyse(weeks, Settings, null);

        // (50 + 270) / (100 + 300) = 0.8, not the 0.7 average of 50% and 90%.
        Assert.Equal(0.8, trend.Latest!.MovingAverage4);
        Assert.Equal(0.8, trend.Latest.MovingAverage13);
    }

    [Fact]
    public void The_short_average_covers_four_calendar_weeks_and_the_long_thirteen_skipping_low_volume_weeks()
    {
        var weeks = Weeks("2026-03-02",
            Counts(online: 10, phone: 90),
            Counts(online: 20, phone: 80),
            Counts(online: 30, phone: 70),
            Counts(online: 40, phone: 60),
            Counts(online: 50, phone: 50),
            Counts(online: 9)); // below the minimum: left out of both averages

        var trend = TrendCalculator.Analyse(weeks, Settings, null);

        Assert.Equal(0.35, trend.Points[4].MovingAverage4!.Value, 12); // (20 + 30 + 40 + 50) / 400
        Assert.Equal(0.30, trend.Points[4].MovingAverage13!.Value, 12); // 150 / 500
        Assert.Equal((30.0 + 40 + 50) / 300, trend.Points[5].MovingAverage4!.Value, 12); // weeks 3, 4 and 5 judged; week 6 not
        Assert.Equal(0.1, trend.Points[0].MovingAverage4);
    }

    [Fact]
    public void A_gap_in_the_series_counts_as_weeks_not_list_positions()
    {
        var weeks = new[]
        {
            new PeriodCounts(Week("2026-03-02"), Counts(online: 50, phone: 50)),
            new PeriodCounts(Week("2026-03-16"), Counts(online: 54, phone: 46)),
            new PeriodCounts(Week("2026-03-23"), Counts(online: 56, phone: 44)),
            new PeriodCounts(Week("2026-03-30"), Counts(online: 58, phone: 42)),
        };

        var trend = TrendCalculator.Analyse(weeks, Settings, null);

        Assert.Equal(2.0, trend.Line!.SlopePointsPerWeek, 9);
        Assert.Equal((54.0 + 56 + 58) / 300, trend.Latest!.MovingAverage4!.Value, 12); // 2 March is 5 weeks before 30 March
    }

    [Fact]
    public void Fewer_than_four_judged_weeks_give_no_line_and_no_target_date()
    {
        var trend = TrendCalculator.Analyse(TakeUpWeeks("2026-03-09", [50, 55, 60]), Settings, 0.7);

        Assert.Null(trend.Line);
        Assert.Null(trend.ReachesTarget);
        Assert.Equal(3, trend.JudgedWeeks);
    }

    [Fact]
    public void Only_the_last_thirteen_weeks_are_fitted()
    {
        // 20 weeks: 7 weeks at 90% (ignored), then 50% to 62%.
        var percents = Enumerable.Repeat(90.0, 7).Concat(Enumerable.Range(50, 13).Select(i => (double)i));

        var trend = TrendCalculator.Analyse(TakeUpWeeks("2025-11-17", percents), Settings, null);

        Assert.Equal(1.0, trend.Line!.SlopePointsPerWeek, 9);
        Assert.Equal(Week("2026-01-05"), trend.Line.Weeks[0]);
    }

    [Fact]
    public void Week_on_week_change_is_in_percentage_points_and_needs_both_weeks_judged()
    {
        var judged = TrendCalculator.Analyse(Weeks("2026-03-02", Counts(online: 600, phone: 400), Counts(online: 625, phone: 375)), Settings, null);
        var previousLow = TrendCalculator.Analyse(Weeks("2026-03-02", Counts(online: 60, phone: 30), Counts(online: 625, phone: 375)), Settings, null);
        var single = TrendCalculator.Analyse(Weeks("2026-03-02", Counts(online: 600, phone: 400)), Settings, null);

        Assert.Equal(2.5, judged.WeekOnWeekChange!.Value, 9);
        Assert.Null(previousLow.WeekOnWeekChange);
        Assert.Null(single.WeekOnWeekChange);
    }

    [Fact]
    public void A_line_already_at_the_target_reaches_it_in_the_latest_week()
    {
        var trend = TrendCalculator.Analyse(Linear(), Settings, 0.62);

        Assert.Equal(Date("2026-03-30"), trend.ReachesTarget);
    }

    [Fact]
    public void A_falling_line_below_the_target_never_reaches_it()
    {
        var trend = TrendCalculator.Analyse(TakeUpWeeks("2026-01-05", Enumerable.Range(50, 13).Select(i => 112.0 - i)), Settings, 0.7);

        Assert.Equal(-1.0, trend.Line!.SlopePointsPerWeek, 9);
        Assert.Null(trend.ReachesTarget);
    }

    [Fact]
    public void A_target_more_than_ten_years_away_on_the_trend_is_not_reached()
    {
        // 50.00, 50.05, 50.10, 50.15%: 0.05 points a week.
        var weeks = Weeks("2026-03-09",
            Counts(online: 1000, phone: 1000), Counts(online: 1001, phone: 999), Counts(online: 1002, phone: 998), Counts(online: 1003, phone: 997));

        var within = TrendCalculator.Analyse(weeks, Settings, 0.7501); // (75.01 − 50.15) / 0.05 = 497.2 weeks: 498
        var beyond = TrendCalculator.Analyse(weeks, Settings, 1.0); // 997 weeks, about 19 years

        Assert.Equal(Date("2026-03-30").AddDays(7 * 498), within.ReachesTarget);
        Assert.Null(beyond.ReachesTarget);
    }

    [Fact]
    public void Now_is_the_last_week_given_even_when_it_is_not_judged()
    {
        var weeks = TakeUpWeeks("2026-01-05", Enumerable.Range(50, 12).Select(i => (double)i))
            .Append(new PeriodCounts(Week("2026-03-30"), Counts(online: 1)))
            .ToList();

        var trend = TrendCalculator.Analyse(weeks, Settings, null);

        Assert.Equal(Week("2026-03-30"), trend.Now);
        Assert.Equal(Week("2026-03-30"), trend.Line!.Now);
        Assert.Equal(12, trend.Line.Weeks.Count);
        Assert.Equal(62.0, trend.Line.FittedNow, 9); // the line (50 … 61) carried one week on
    }

    [Fact]
    public void No_weeks_give_an_empty_analysis()
    {
        var trend = TrendCalculator.Analyse([], Settings, 0.9);

        Assert.Null(trend.Now);
        Assert.Null(trend.Latest);
        Assert.Null(trend.Line);
        Assert.Empty(trend.Points);
    }

    [Fact]
    public void Series_that_are_not_weeks_oldest_first_are_refused()
    {
        var months = new[] { new PeriodCounts(Period.Containing(PeriodKind.Month, Date("2026-03-01")), Counts(online: 1)) };
        var backwards = Weeks("2026-03-02", Counts(online: 1), Counts(online: 2)).Reverse().ToList();

        Assert.Throws<ArgumentException>(() => TrendCalculator.Analyse(months, Settings, null));
        Assert.Throws<ArgumentException>(() => TrendCalculator.Analyse(backwards, Settings, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendCalculator.Analyse(Linear(), Settings, 90));
    }

    [Fact]
    public void Settings_that_could_never_judge_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrendSettings(MinimumVolume: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrendSettings(ShortWindow: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrendSettings(LongWindow: 3));
        Assert.Equal((100, 4, 13), (TrendSettings.Default.MinimumVolume, TrendSettings.Default.ShortWindow, TrendSettings.Default.LongWindow));
    }

    [Fact]
    public void A_constant_take_up_has_a_slope_of_exactly_zero_and_an_interval_of_no_width()
    {
        var series = from weeks in Gen.Choose(4, 30)
                     from digital in Gen.Choose(0, 1000)
                     from offline in Gen.Choose(0, 1000)
                     from factors in Gen.ArrayOf(Gen.Choose(1, 1000), weeks)
                     where digital + offline > 0
                     select factors.Select(k => Counts(online: (long)k * digital, phone: (long)k * offline)).ToArray();
        Prop.ForAll(series.ToArbitrary(), counts =>
        {
            var trend = TrendCalculator.Analyse(Weeks("2025-06-02", counts), new TrendSettings(MinimumVolume: 1), 1.0);

            var line = trend.Line!;
            Assert.Equal(0.0, line.SlopePointsPerWeek);
            Assert.Equal(0.0, line.SlopeLow);
            Assert.Equal(0.0, line.SlopeHigh);
            Assert.Equal(trend.Latest!.TakeUp!.Value * 100, line.FittedNow);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_trend_does_not_depend_on_the_order_the_days_are_given_in()
    {
        Prop.ForAll(Generators.ShuffledDays.ToArbitrary(), input =>
        {
            var settings = new TrendSettings(MinimumVolume: 1);
            var a = TrendCalculator.Analyse(Rollup.By(PeriodKind.Week, input.Days, input.Range), settings, 0.9);
            var b = TrendCalculator.Analyse(Rollup.By(PeriodKind.Week, input.Shuffled, input.Range), settings, 0.9);

            Assert.Equal(a.Points, b.Points);
            Assert.Equal(a.Now, b.Now);
            Assert.Equal(a.WeekOnWeekChange, b.WeekOnWeekChange);
            Assert.Equal(a.ReachesTarget, b.ReachesTarget);
            Assert.Equal(a.Line is null, b.Line is null);
            if (a.Line is not null)
            {
                Assert.Equal(
                    (a.Line.SlopePointsPerWeek, a.Line.SlopeLow, a.Line.SlopeHigh, a.Line.FittedNow),
                    (b.Line!.SlopePointsPerWeek, b.Line.SlopeLow, b.Line.SlopeHigh, b.Line.FittedNow));
                Assert.Equal(a.Line.Weeks, b.Line.Weeks);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Weekly_take_up_and_its_moving_averages_stay_between_0_and_1()
    {
        var series = Gen.NonEmptyListOf(Generators.Counts).Select(list => list.ToArray());
        Prop.ForAll(series.ToArbitrary(), counts =>
        {
            var trend = TrendCalculator.Analyse(Weeks("2026-01-05", counts), new TrendSettings(MinimumVolume: 1), null);

            foreach (var point in trend.Points)
            {
                foreach (var value in new[] { point.TakeUp, point.MovingAverage4, point.MovingAverage13 })
                {
                    if (value is { } v)
                    {
                        Assert.InRange(v, 0.0, 1.0);
                    }
                }

                Assert.Equal(point.Transactions == 0, point.TakeUp is null);
            }
        }).QuickCheckThrowOnFailure();
    }
}
