using TakeUp.Domain.Measures;
using TakeUp.Domain.Services;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// Design §7, digital-inclusion target, first part: the share of all transactions that needed assisted
/// digital support should fall by 25% every 2 years from the service's baseline — the Government Digital
/// Inclusion Strategy's (2014) national rate, applied per service. The expected share on a date is
/// <c>baseline × 0.75^(years since the baseline / 2)</c>, continuously (not in two-yearly steps).
/// The actual share is over the last <see cref="TrendSettings.LongWindow"/> (13) complete weeks.
/// On track at or below the expected share; at risk up to <see cref="AtRiskMargin"/> times it; missed above.
/// The second part, offline users completing, is <see cref="OfflineUsersCompletingRule"/>.
/// </summary>
public static class DigitalInclusionTargetRule
{
    public const string RuleName = "digital-inclusion";

    /// <summary>The strategy's reduction in each period: 25%.</summary>
    public const double ReductionPerPeriod = 0.25;

    /// <summary>The strategy's period: every 2 years.</summary>
    public const double PeriodYears = 2;

    /// <summary>How far above the expected share is at risk rather than missed: 10% above (this project's choice).</summary>
    public const double AtRiskMargin = 1.10;

    /// <summary>Judged weeks needed in the window, as for the take-up target.</summary>
    public const int MinimumJudgedWeeks = TrendCalculator.MinimumWeeksForLine;

    /// <summary>Relative slack for rounding: a share equal to a limit in decimal counts as at the limit.</summary>
    private const double Rounding = 1e-12;

    /// <summary>The share of transactions expected to need assisted digital support on <paramref name="asOf"/>.</summary>
    public static double ExpectedShare(InclusionBaseline baseline, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return baseline.AssistedShare * Math.Pow(1 - ReductionPerPeriod, YearsBetween(baseline.AsOf, asOf) / PeriodYears);
    }

    /// <summary>
    /// Years from <paramref name="from"/> to <paramref name="to"/>: whole years to the last anniversary,
    /// plus the fraction of the following year that has passed (days over that year's length), so that
    /// 2024-01-01 to 2026-01-01 is exactly 2. Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public static double YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (from.AddYears(years) > to)
        {
            years--;
        }

        var anniversary = from.AddYears(years);
        var next = from.AddYears(years + 1);
        return years + (double)(to.DayNumber - anniversary.DayNumber) / (next.DayNumber - anniversary.DayNumber);
    }

    /// <param name="baseline">The catalogue's baseline; when null, one is taken from the data (<see cref="InclusionBaselines.FromFirstFullYear"/>).</param>
    /// <param name="weeks">The weekly series, oldest first; weeks not over by <paramref name="asOf"/> are left out.</param>
    /// <param name="asOf">The London date of the evaluation ("today"); the expected share is the one for this date.</param>
    public static TargetEvaluation Evaluate(InclusionBaseline? baseline, IReadOnlyList<PeriodCounts> weeks, TrendSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var complete = WeeklySeries.CompleteBefore(weeks, asOf);
        var derived = baseline is null;
        baseline ??= InclusionBaselines.FromFirstFullYear(complete);
        var window = WeeklySeries.Last(complete, settings.LongWindow);
        var judged = window.Count(w => w.Counts.Total >= settings.MinimumVolume);
        var totals = Rollup.Total(window);
        var actual = new Ratio(totals.AssistedDigital, totals.Total, AnalysisMethods.AssistedDigitalShareOfTransactions);
        double? expected = baseline is null ? null : ExpectedShare(baseline, asOf);

        TargetEvaluation Result(TargetStatus status, string reason) => new(RuleName, status, reason,
        [
            KeyValuePair.Create("baseline-share", baseline?.AssistedShare),
            KeyValuePair.Create("years-since-baseline", baseline is null ? null : (double?)YearsBetween(baseline.AsOf, asOf)),
            KeyValuePair.Create("baseline-from-data-year", derived && baseline is not null ? (double?)baseline.AsOf.Year : null),
            KeyValuePair.Create("expected-share", expected),
            KeyValuePair.Create("at-risk-limit-share", expected * AtRiskMargin),
            KeyValuePair.Create("actual-share", actual.Value),
            KeyValuePair.Create("judged-weeks", (double?)judged),
        ]);

        if (baseline is null)
        {
            return Result(TargetStatus.NotJudged,
                "There is no digital-inclusion baseline for this service and not yet a full calendar year of data to take one from, so the target is not judged.");
        }

        if (judged < MinimumJudgedWeeks)
        {
            return Result(TargetStatus.NotJudged,
                $"Only {Wording.Plural(judged, "week", "weeks")} of the last {settings.LongWindow} had at least {Wording.Number(settings.MinimumVolume)} "
                + $"transactions; {MinimumJudgedWeeks} are needed to judge the digital-inclusion target.");
        }

        var share = actual.Value!.Value;
        var from = derived
            ? $"{Wording.Percent(baseline.AssistedShare)} in {baseline.AsOf.Year} (the first full year of data)"
            : $"{Wording.Percent(baseline.AssistedShare)} on {Wording.Date(baseline.AsOf)}";
        var situation = $"Assisted digital support was needed for {Wording.Percent(share)} of transactions over the last {settings.LongWindow} weeks; "
            + $"falling by 25% every 2 years from {from}, the target expects at most {Wording.Percent(expected!.Value)} by {Wording.Date(asOf)}";
        if (share <= expected.Value * (1 + Rounding))
        {
            return Result(TargetStatus.OnTrack, situation + ".");
        }

        return share <= expected.Value * AtRiskMargin * (1 + Rounding)
            ? Result(TargetStatus.AtRisk, situation + ", and it is above that, by no more than 10%.")
            : Result(TargetStatus.Missed, situation + ", and it is more than 10% above that.");
    }
}
