using TakeUp.Domain.Analysis;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class DigitalInclusionTargetRuleTests
{
    private static readonly TrendSettings Settings = TrendSettings.Default;
    private static readonly InclusionBaseline Baseline = new(0.2, Date("2024-01-01"));

    /// <summary>1,000 transactions a week, <paramref name="assisted"/> of them assisted digital, 200 by phone.</summary>
    private static ChannelCounts Week1000(long assisted) => Counts(online: 800 - assisted, assisted: assisted, phone: 200);

    /// <summary>The 13 weeks before Thursday 1 January 2026: 29 September to the week of 22 December 2025.</summary>
    private static IReadOnlyList<PeriodCounts> ThirteenWeeks(long assisted) => Weeks("2025-09-29", Enumerable.Repeat(Week1000(assisted), 13).ToArray());

    [Theory]
    [InlineData("2024-01-01", 0.2)]
    [InlineData("2025-01-01", 0.17320508075688773)] // 0.2 × √0.75
    [InlineData("2026-01-01", 0.15)]
    [InlineData("2028-01-01", 0.1125)]
    public void The_expected_share_falls_by_a_quarter_every_two_years_continuously(string asOf, double expected)
    {
        Assert.Equal(expected, DigitalInclusionTargetRule.ExpectedShare(Baseline, Date(asOf)), 12);
    }

    [Theory]
    [InlineData("2024-01-01", "2026-01-01", 2.0)]
    [InlineData("2024-02-29", "2025-02-28", 1.0)]
    [InlineData("2024-01-01", "2024-07-02", 0.5)] // 183 of 2024's 366 days
    [InlineData("2024-07-01", "2024-01-01", -0.4972677595628415)] // back to 1 July 2023, then 184 of 366 days forward
    public void Years_between_dates_count_whole_years_to_the_anniversary_then_the_fraction_of_the_next(string from, string to, double years)
    {
        Assert.Equal(years, DigitalInclusionTargetRule.YearsBetween(Date(from), Date(to)), 12);
    }

    [Theory]
    [InlineData(150, TargetStatus.OnTrack)] // 15.0%: exactly the expected 0.2 × 0.75
    [InlineData(151, TargetStatus.AtRisk)]
    [InlineData(165, TargetStatus.AtRisk)] // exactly 10% above
    [InlineData(166, TargetStatus.Missed)]
    public void The_assisted_share_over_13_weeks_is_on_track_at_or_below_expected_and_at_risk_up_to_10_percent_above(long assisted, TargetStatus status)
    {
        var result = DigitalInclusionTargetRule.Evaluate(Baseline, ThirteenWeeks(assisted), Settings, Date("2026-01-01"));

        Assert.Equal(status, result.Status);
        Assert.Equal("digital-inclusion", result.Rule);
        Assert.Equal(assisted / 1000.0, result.Figure("actual-share")!.Value, 12);
        Assert.Equal(0.15, result.Figure("expected-share")!.Value, 12);
        Assert.Equal(0.165, result.Figure("at-risk-limit-share")!.Value, 12);
        Assert.Contains("15.0%", result.Reason);
    }

    [Fact]
    public void The_actual_share_pools_the_13_weeks_and_ignores_older_ones()
    {
        var weeks = Weeks("2025-09-22", Week1000(900 - 100)) // an older week with 80% assisted: outside the window
            .Concat(Weeks("2025-09-29", [.. Enumerable.Repeat(Week1000(100), 12), Counts(online: 0, assisted: 300, phone: 700)]))
            .ToList();

        var result = DigitalInclusionTargetRule.Evaluate(Baseline, weeks, Settings, Date("2026-01-01"));

        Assert.Equal((12 * 100 + 300) / 13000.0, result.Figure("actual-share")!.Value, 12);
        Assert.Equal(TargetStatus.OnTrack, result.Status);
    }

    [Fact]
    public void Fewer_than_four_judged_weeks_are_not_judged()
    {
        var weeks = Weeks("2025-09-29", [.. Enumerable.Repeat(Counts(assisted: 50), 10), Week1000(150), Week1000(150), Week1000(150)]);

        var result = DigitalInclusionTargetRule.Evaluate(Baseline, weeks, Settings, Date("2026-01-01"));

        Assert.Equal(TargetStatus.NotJudged, result.Status);
        Assert.Equal(3, result.Figure("judged-weeks"));
    }

    [Fact]
    public void Without_a_baseline_the_first_full_calendar_year_of_data_is_the_baseline_dated_1_July()
    {
        // Data from 2 October 2023: 2023 is not full, so ISO 2024 (1 January to 29 December 2024) is the baseline year.
        var weeks = SeriesFrom("2023-10-02", "2026-06-22", monday => monday < Date("2024-01-01") ? 300 : monday.Year == 2024 ? 200 : 150);

        var baseline = InclusionBaselines.FromFirstFullYear(weeks);
        var result = DigitalInclusionTargetRule.Evaluate(null, weeks, Settings, Date("2026-07-01"));

        Assert.Equal(new InclusionBaseline(0.2, Date("2024-07-01")), baseline);
        Assert.Equal(0.15, result.Figure("expected-share")!.Value, 12); // two years on from 1 July 2024
        Assert.Equal(2024, result.Figure("baseline-from-data-year"));
        Assert.Equal(TargetStatus.OnTrack, result.Status);
        Assert.Contains("2024 (the first full year of data)", result.Reason);
    }

    [Fact]
    public void A_catalogue_baseline_is_used_as_given_and_not_marked_as_from_data()
    {
        var result = DigitalInclusionTargetRule.Evaluate(Baseline, ThirteenWeeks(150), Settings, Date("2026-01-01"));

        Assert.Null(result.Figure("baseline-from-data-year"));
        Assert.Equal(0.2, result.Figure("baseline-share"));
        Assert.Contains("1 January 2024", result.Reason);
    }

    [Fact]
    public void Data_starting_on_the_first_Monday_of_an_ISO_year_makes_that_year_the_baseline()
    {
        var weeks = SeriesFrom("2024-01-01", "2024-12-23", _ => 100);

        Assert.Equal(new InclusionBaseline(0.1, Date("2024-07-01")), InclusionBaselines.FromFirstFullYear(weeks));
    }

    [Fact]
    public void Without_a_baseline_or_a_full_year_of_data_nothing_is_judged()
    {
        var weeks = SeriesFrom("2024-01-08", "2025-06-30", _ => 100);

        var result = DigitalInclusionTargetRule.Evaluate(null, weeks, Settings, Date("2025-07-10"));

        Assert.Null(InclusionBaselines.FromFirstFullYear(weeks));
        Assert.Equal(TargetStatus.NotJudged, result.Status);
        Assert.Contains("no digital-inclusion baseline", result.Reason);
    }

    [Fact]
    public void A_baseline_year_with_a_week_missing_from_the_series_is_not_full()
    {
        var weeks = SeriesFrom("2024-01-01", "2024-12-23", _ => 100).Where(w => w.Period.Start != Date("2024-06-03")).ToList();

        Assert.Null(InclusionBaselines.FromFirstFullYear(weeks));
    }

    private static List<PeriodCounts> SeriesFrom(string firstMonday, string lastMonday, Func<DateOnly, long> assisted)
    {
        var weeks = new List<PeriodCounts>();
        for (var week = Week(firstMonday); week.Start <= Date(lastMonday); week = week.Next())
        {
            weeks.Add(new PeriodCounts(week, Week1000(assisted(week.Start))));
        }

        return weeks;
    }
}
