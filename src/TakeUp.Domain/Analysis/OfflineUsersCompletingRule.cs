using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// Design §7, digital-inclusion target, second part: assisted digital users at points 1 to 3 of the
/// digital inclusion scale (the offline) must be completing their transactions. Judged on the sessions
/// logged in the last <see cref="TrendSettings.LongWindow"/> (13) complete weeks before <c>asOf</c>
/// (by the London date of the session): completion rate at least <see cref="OnTrackRate"/> on track, at
/// least <see cref="AtRiskRate"/> at risk, below missed; fewer than <see cref="MinimumSessions"/> such
/// sessions not judged. Sessions without an inclusion point are left out. The thresholds are this
/// project's choices.
/// </summary>
public static class OfflineUsersCompletingRule
{
    public const string RuleName = "offline-users-completing";

    public const double OnTrackRate = 0.8;

    public const double AtRiskRate = 0.6;

    public const int MinimumSessions = 20;

    public static TargetEvaluation Evaluate(IEnumerable<AssistedSession> sessions, TrendSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(settings);
        var window = WeeklySeries.CompleteWeeksBefore(asOf, settings.LongWindow);
        var inWindow = sessions.Where(s =>
        {
            var day = UkTime.DateOf(s.When);
            return day >= window.From && day <= window.To;
        });
        var rate = AssistedSessionMeasures.From(inWindow).OfflineCompletion;

        TargetEvaluation Result(TargetStatus status, string reason) => new(RuleName, status, reason,
        [
            KeyValuePair.Create("sessions-at-points-1-3", (double?)rate.Denominator),
            KeyValuePair.Create("completed", (double?)rate.Numerator),
            KeyValuePair.Create("completion-rate", rate.Value),
            KeyValuePair.Create("on-track-rate", (double?)OnTrackRate),
            KeyValuePair.Create("at-risk-rate", (double?)AtRiskRate),
        ]);

        var period = $"the last {settings.LongWindow} weeks";
        if (rate.Denominator < MinimumSessions)
        {
            return Result(TargetStatus.NotJudged,
                $"{Wording.Plural(rate.Denominator, "session was", "sessions were")} logged in {period} with people at points 1 to 3 of the digital inclusion scale; "
                + $"at least {MinimumSessions} are needed to judge whether they are completing.");
        }

        var value = rate.Value!.Value;
        var situation = $"{Wording.Number(rate.Numerator)} of the {Wording.Number(rate.Denominator)} assisted sessions in {period} with people at points 1 to 3 "
            + $"of the digital inclusion scale ended with the transaction completed ({Wording.Percent(value)})";
        return value >= OnTrackRate
            ? Result(TargetStatus.OnTrack, $"{situation}, at least the {Wording.Percent(OnTrackRate)} aimed for.")
            : value >= AtRiskRate
                ? Result(TargetStatus.AtRisk, $"{situation}, below the {Wording.Percent(OnTrackRate)} aimed for.")
                : Result(TargetStatus.Missed, $"{situation}, below {Wording.Percent(AtRiskRate)}.");
    }
}
