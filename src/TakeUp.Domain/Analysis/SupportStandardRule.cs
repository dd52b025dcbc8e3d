namespace TakeUp.Domain.Analysis;

/// <summary>A support request that was resolved (not withdrawn), and how many working days it waited.</summary>
/// <param name="ResolvedOn">The London date it was resolved.</param>
/// <param name="WorkingDaysWaited">As counted by <see cref="Calendar.WorkingDays.Between"/> from the London date it was opened.</param>
public sealed record ResolvedSupportRequest(DateOnly ResolvedOn, int WorkingDaysWaited);

/// <summary>
/// Design §7, assisted-digital service standard: of the support requests resolved in the last
/// <see cref="TrendSettings.LongWindow"/> (13) complete weeks before <c>asOf</c>, the share resolved within
/// the service's standard (its SupportStandardDays, default 5 working days): at least
/// <see cref="OnTrackShare"/> on track, at least <see cref="AtRiskShare"/> at risk, below missed; fewer
/// than <see cref="MinimumRequests"/> not judged. Withdrawn requests are not counted; requests still
/// open are not counted either, however long they have waited (docs/method.md). The thresholds are
/// this project's choices.
/// </summary>
public static class SupportStandardRule
{
    public const string RuleName = "assisted-digital-standard";

    public const double OnTrackShare = 0.9;

    public const double AtRiskShare = 0.75;

    public const int MinimumRequests = 10;

    /// <param name="supportStandardDays">The service's standard, or null for <see cref="SupportWaitingMeasures.DefaultStandardDays"/>.</param>
    public static TargetEvaluation Evaluate(IEnumerable<ResolvedSupportRequest> resolved, int? supportStandardDays, TrendSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(settings);
        var standard = supportStandardDays ?? SupportWaitingMeasures.DefaultStandardDays;
        var window = WeeklySeries.CompleteWeeksBefore(asOf, settings.LongWindow);
        var measures = SupportWaitingMeasures.From(
            resolved.Where(r => r.ResolvedOn >= window.From && r.ResolvedOn <= window.To).Select(r => r.WorkingDaysWaited), standard);
        var share = measures.WithinStandard;

        TargetEvaluation Result(TargetStatus status, string reason) => new(RuleName, status, reason,
        [
            KeyValuePair.Create("requests-resolved", (double?)measures.Count),
            KeyValuePair.Create("within-standard", (double?)share.Numerator),
            KeyValuePair.Create("share-within-standard", share.Value),
            KeyValuePair.Create("standard-working-days", (double?)standard),
            KeyValuePair.Create("median-working-days", measures.MedianWorkingDays),
            KeyValuePair.Create("percentile-90-working-days", (double?)measures.Percentile90WorkingDays),
        ]);

        var days = Wording.Plural(standard, "working day", "working days");
        var period = $"the last {settings.LongWindow} weeks";
        if (measures.Count < MinimumRequests)
        {
            return Result(TargetStatus.NotJudged,
                $"{Wording.Plural(measures.Count, "support request was", "support requests were")} resolved in {period}; "
                + $"at least {MinimumRequests} are needed to judge the standard of resolving them within {days}.");
        }

        var value = share.Value!.Value;
        var situation = $"{Wording.Number(share.Numerator)} of the {Wording.Number(measures.Count)} support requests resolved in {period} "
            + $"were resolved within {days} ({Wording.Percent(value)})";
        return value >= OnTrackShare
            ? Result(TargetStatus.OnTrack, $"{situation}, meeting the standard of {Wording.Percent(OnTrackShare)}.")
            : value >= AtRiskShare
                ? Result(TargetStatus.AtRisk, $"{situation}, below the standard of {Wording.Percent(OnTrackShare)}.")
                : Result(TargetStatus.Missed, $"{situation}, below {Wording.Percent(AtRiskShare)}.");
    }
}
