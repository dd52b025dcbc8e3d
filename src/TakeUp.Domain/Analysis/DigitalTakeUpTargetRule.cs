using TakeUp.Domain.Services;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// Design §7, digital take-up target: a share by a date (e.g. 90% by 2027-03-31), judged on the last
/// <see cref="TrendSettings.LongWindow"/> (13) complete weeks before <c>asOf</c>.
/// <list type="bullet">
/// <item>not-judged: no target ("no target set"), or fewer than <see cref="MinimumJudgedWeeks"/> of those weeks have the minimum volume;</item>
/// <item>missed: <c>asOf</c> is after the target date and take-up over the 13 weeks (volume-weighted) is below the share;</item>
/// <item>on-track: take-up over the 13 weeks already meets the share, or the least-squares line reaches it in a week starting on or before the target date;</item>
/// <item>at-risk: otherwise — the line does not reach the share by the date (or is not rising).</item>
/// </list>
/// </summary>
public static class DigitalTakeUpTargetRule
{
    public const string RuleName = "digital-take-up";

    /// <summary>The fewest judged weeks in the window before the target is judged: the fewest a trend line is fitted to.</summary>
    public const int MinimumJudgedWeeks = TrendCalculator.MinimumWeeksForLine;

    /// <param name="target">The service's target, or null when it has none (then not-judged: this project assumes no default target).</param>
    /// <param name="weeks">The weekly series, oldest first; weeks not over by <paramref name="asOf"/> are left out.</param>
    /// <param name="asOf">The London date of the evaluation ("today").</param>
    public static TargetEvaluation Evaluate(TakeUpTarget? target, IReadOnlyList<PeriodCounts> weeks, TrendSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var complete = WeeklySeries.CompleteBefore(weeks, asOf);
        if (target is null)
        {
            var noTarget = TrendCalculator.Analyse(complete, settings, null);
            return Result(TargetStatus.NotJudged, "There is no target set for digital take-up, so it is not judged.", null, asOf, noTarget);
        }

        var trend = TrendCalculator.Analyse(complete, settings, target.Share);
        var goal = $"the target of {Wording.Percent(target.Share)} by {Wording.Date(target.By)}";
        if (trend.JudgedWeeks < MinimumJudgedWeeks)
        {
            return Result(TargetStatus.NotJudged,
                $"Only {Wording.Plural(trend.JudgedWeeks, "week", "weeks")} of the last {settings.LongWindow} had at least "
                + $"{Wording.Number(settings.MinimumVolume)} transactions; {MinimumJudgedWeeks} are needed to judge digital take-up against {goal}.",
                target, asOf, trend);
        }

        var average = trend.Latest!.MovingAverage13!.Value;
        var line = trend.Line!;
        var takeUp = $"Digital take-up over the last {settings.LongWindow} weeks is {Wording.Percent(average)}";
        var slope = $"{Wording.Points(line.SlopePointsPerWeek)} points a week";
        if (asOf > target.By)
        {
            return average < target.Share
                ? Result(TargetStatus.Missed, $"{takeUp}: {goal} has passed without being met.", target, asOf, trend)
                : Result(TargetStatus.OnTrack, $"{takeUp}, meeting {goal}.", target, asOf, trend);
        }

        if (average >= target.Share)
        {
            return Result(TargetStatus.OnTrack, $"{takeUp}, already meeting {goal}.", target, asOf, trend);
        }

        if (trend.ReachesTarget is { } reaches && reaches <= target.By)
        {
            return Result(TargetStatus.OnTrack,
                $"{takeUp}; on its trend ({slope}) it reaches {Wording.Percent(target.Share)} in {Wording.WeekOf(reaches)}, in time for {goal}.",
                target, asOf, trend);
        }

        var shortfall = trend.ReachesTarget is { } late
            ? $"on its trend ({slope}) it reaches {Wording.Percent(target.Share)} only in {Wording.WeekOf(late)}, after the target date"
            : line.SlopePointsPerWeek > 0
                ? $"on its trend ({slope}) it would take more than {TrendLine.HorizonYears} years to reach {Wording.Percent(target.Share)}"
                : $"its trend ({slope}) is not rising towards {Wording.Percent(target.Share)}";
        return Result(TargetStatus.AtRisk, $"{takeUp}, short of {goal}: {shortfall}.", target, asOf, trend);
    }

    private static TargetEvaluation Result(TargetStatus status, string reason, TakeUpTarget? target, DateOnly asOf, TrendAnalysis trend)
    {
        var line = trend.Line;
        double? weeksToReach = trend.ReachesTarget is { } d && trend.Now is { } now ? (d.DayNumber - now.Start.DayNumber) / 7 : null;
        return new TargetEvaluation(RuleName, status, reason,
        [
            KeyValuePair.Create("target-share", target?.Share),
            KeyValuePair.Create("days-to-target-date", target is null ? null : (double?)(target.By.DayNumber - asOf.DayNumber)),
            KeyValuePair.Create("moving-average-13", trend.Latest?.MovingAverage13),
            KeyValuePair.Create("judged-weeks", (double?)trend.JudgedWeeks),
            KeyValuePair.Create("slope-points-per-week", line?.SlopePointsPerWeek),
            KeyValuePair.Create("slope-low", line?.SlopeLow),
            KeyValuePair.Create("slope-high", line?.SlopeHigh),
            KeyValuePair.Create("fitted-now-percent", line?.FittedNow),
            KeyValuePair.Create("weeks-to-reach-target", weeksToReach),
        ]);
    }
}
