using TakeUp.Domain.Analysis;
using TakeUp.Domain.Services;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class DigitalTakeUpTargetRuleTests
{
    private static readonly TrendSettings Settings = TrendSettings.Default;

    /// <summary>Monday after the last week of <see cref="Linear"/>.</summary>
    private static readonly DateOnly AsOf = Date("2026-04-06");

    /// <summary>13 weeks, 5 January to the week of 30 March 2026: 50% rising a point a week to 62%; 13-week take-up 56%.</summary>
    private static IReadOnlyList<PeriodCounts> Linear() => TakeUpWeeks("2026-01-05", Enumerable.Range(50, 13).Select(i => (double)i));

    private static TargetEvaluation Evaluate(double share, string by, IReadOnlyList<PeriodCounts>? weeks = null, DateOnly? asOf = null) =>
        DigitalTakeUpTargetRule.Evaluate(new TakeUpTarget(share, Date(by)), weeks ?? Linear(), Settings, asOf ?? AsOf);

    [Fact]
    public void A_rising_trend_that_reaches_the_share_before_the_date_is_on_track()
    {
        var result = Evaluate(0.70, "2026-06-30");

        Assert.Equal(TargetStatus.OnTrack, result.Status);
        Assert.Equal("digital-take-up", result.Rule);
        Assert.Contains("25 May 2026", result.Reason);
        Assert.Contains("56.0%", result.Reason);
        Assert.Equal(8, result.Figure("weeks-to-reach-target"));
        Assert.Equal(1.0, result.Figure("slope-points-per-week")!.Value, 9);
        Assert.Equal(0.56, result.Figure("moving-average-13")!.Value, 12);
        Assert.Equal(13, result.Figure("judged-weeks"));
    }

    [Fact]
    public void Reaching_the_share_in_the_week_starting_on_the_target_date_is_in_time()
    {
        Assert.Equal(TargetStatus.OnTrack, Evaluate(0.70, "2026-05-25").Status);
    }

    [Fact]
    public void A_trend_that_reaches_the_share_only_after_the_date_is_at_risk()
    {
        var result = Evaluate(0.70, "2026-05-24");

        Assert.Equal(TargetStatus.AtRisk, result.Status);
        Assert.Contains("only in the week of 25 May 2026, after the target date", result.Reason);
    }

    [Fact]
    public void A_falling_trend_below_the_share_is_at_risk()
    {
        var falling = TakeUpWeeks("2026-01-05", Enumerable.Range(50, 13).Select(i => 112.0 - i));

        var result = Evaluate(0.70, "2030-01-01", falling);

        Assert.Equal(TargetStatus.AtRisk, result.Status);
        Assert.Contains("not rising", result.Reason);
        Assert.Null(result.Figure("weeks-to-reach-target"));
    }

    [Fact]
    public void Take_up_over_the_last_13_weeks_already_at_the_share_is_on_track_whatever_the_trend()
    {
        var falling = TakeUpWeeks("2026-01-05", Enumerable.Range(50, 13).Select(i => 112.0 - i)); // 13-week take-up 56%

        var result = Evaluate(0.55, "2026-04-30", falling);

        Assert.Equal(TargetStatus.OnTrack, result.Status);
        Assert.Contains("already meeting", result.Reason);
    }

    [Fact]
    public void Past_the_target_date_with_the_13_week_take_up_below_the_share_is_missed()
    {
        var result = Evaluate(0.70, "2026-03-31");

        Assert.Equal(TargetStatus.Missed, result.Status);
        Assert.Contains("has passed", result.Reason);
        Assert.Equal(-6, result.Figure("days-to-target-date"));
    }

    [Fact]
    public void On_the_target_date_itself_the_target_is_not_yet_missed()
    {
        Assert.Equal(TargetStatus.AtRisk, Evaluate(0.70, "2026-04-06").Status);
    }

    [Fact]
    public void Past_the_target_date_with_the_share_met_is_on_track()
    {
        Assert.Equal(TargetStatus.OnTrack, Evaluate(0.56, "2026-03-31").Status);
    }

    [Fact]
    public void Without_a_target_nothing_is_judged()
    {
        var result = DigitalTakeUpTargetRule.Evaluate(null, Linear(), Settings, AsOf);

        Assert.Equal(TargetStatus.NotJudged, result.Status);
        Assert.Contains("no target set", result.Reason);
        Assert.Null(result.Figure("target-share"));
    }

    [Fact]
    public void Fewer_than_four_weeks_at_the_minimum_volume_are_not_judged()
    {
        var weeks = TakeUpWeeks("2026-01-05", Enumerable.Repeat(10.0, 13), volume: 99)
            .Select((w, i) => i < 3 ? w with { Counts = Counts(online: 100, phone: 900) } : w)
            .ToList();

        var result = Evaluate(0.70, "2026-03-31", weeks);

        Assert.Equal(TargetStatus.NotJudged, result.Status);
        Assert.Contains("Only 3 weeks of the last 13 had at least 100 transactions", result.Reason);
        Assert.Equal(3, result.Figure("judged-weeks"));
    }

    [Fact]
    public void A_week_not_over_on_the_evaluation_date_is_left_out()
    {
        var withPartWeek = Linear().Append(new PeriodCounts(Week("2026-04-06"), Counts(phone: 1000))).ToList();

        var partWeek = Evaluate(0.70, "2026-06-30", withPartWeek, asOf: Date("2026-04-08"));
        var complete = Evaluate(0.70, "2026-06-30", Linear(), asOf: Date("2026-04-08"));

        Assert.Equal(TargetStatus.OnTrack, partWeek.Status);
        Assert.Equal(complete.Figures, partWeek.Figures);
    }
}
