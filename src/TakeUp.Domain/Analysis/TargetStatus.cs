namespace TakeUp.Domain.Analysis;

/// <summary>Where a service stands against one target or data-quality rule.</summary>
public enum TargetStatus
{
    /// <summary>Meeting the target, or heading to meet it in time; for a data-quality rule, nothing wrong found.</summary>
    OnTrack,

    /// <summary>Not heading to meet it in time; for a data-quality rule, something to look at.</summary>
    AtRisk,

    /// <summary>The target date has passed without it, or the shortfall is beyond the at-risk margin.</summary>
    Missed,

    /// <summary>Too little data to judge (below the minimum volume), or nothing to judge against (no target).</summary>
    NotJudged,
}

/// <summary>Wire names and severity of <see cref="TargetStatus"/>.</summary>
public static class TargetStatuses
{
    public static readonly IReadOnlyList<TargetStatus> All = [TargetStatus.OnTrack, TargetStatus.AtRisk, TargetStatus.Missed, TargetStatus.NotJudged];

    /// <summary>The name in the API, storage and alerts: <c>on-track</c>, <c>at-risk</c>, <c>missed</c>, <c>not-judged</c>.</summary>
    public static string Name(this TargetStatus status) => status switch
    {
        TargetStatus.OnTrack => "on-track",
        TargetStatus.AtRisk => "at-risk",
        TargetStatus.Missed => "missed",
        TargetStatus.NotJudged => "not-judged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown target status."),
    };

    /// <summary>Accepts the wire names only, exactly.</summary>
    public static bool TryParse(string? name, out TargetStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = TargetStatus.NotJudged;
        return false;
    }

    /// <summary>
    /// The order alerts follow: not-judged and on-track 0 (nothing to tell), at-risk 1, missed 2. A rise
    /// in severity raises an alert (<see cref="AlertDecision"/>).
    /// </summary>
    public static int Severity(this TargetStatus status) => status switch
    {
        TargetStatus.OnTrack or TargetStatus.NotJudged => 0,
        TargetStatus.AtRisk => 1,
        TargetStatus.Missed => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown target status."),
    };
}
