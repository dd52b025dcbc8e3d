namespace TakeUp.Domain.Analysis;

/// <summary>What to do about a rule's alert after an evaluation.</summary>
public enum AlertAction
{
    /// <summary>Nothing to send.</summary>
    None,

    /// <summary>Open an alert (or escalate the open one) and send it: the status got worse.</summary>
    Raise,

    /// <summary>Resolve the open alert and say so: the status recovered to on-track.</summary>
    Resolve,
}

/// <summary>
/// When to alert a service manager (design §7): on a change for the worse, once; on recovery; never again
/// for a state they already know about.
/// </summary>
/// <remarks>
/// <para><c>previous</c> is the status the manager <em>knows</em>: the status of the rule's open alert when
/// there is one, otherwise the last status evaluated (null when the rule has never been evaluated). Store
/// <see cref="KnownAfter"/> after each evaluation to keep it.</para>
/// <para>Missed → at-risk is an improvement that is not a recovery: nothing is sent, and the open alert
/// stays open at missed (its latest figures may be updated silently). Because the known status stays
/// missed, a return to missed is not raised again. At-risk or missed → not-judged (volume fell below the
/// minimum) likewise sends nothing and keeps the alert open.</para>
/// </remarks>
public static class AlertDecision
{
    /// <summary>
    /// Raise when <paramref name="current"/> is more severe than <paramref name="previous"/> (null, on-track,
    /// not-judged → at-risk or missed; at-risk → missed); resolve when an alert was open (at-risk or missed)
    /// and <paramref name="current"/> is on-track; otherwise nothing.
    /// </summary>
    public static AlertAction Decide(TargetStatus? previous, TargetStatus current)
    {
        var before = previous?.Severity() ?? 0;
        if (current.Severity() > before)
        {
            return AlertAction.Raise;
        }

        return before > 0 && current == TargetStatus.OnTrack ? AlertAction.Resolve : AlertAction.None;
    }

    /// <summary>
    /// The status the manager knows after this evaluation, to pass as <c>previous</c> next time: the
    /// current one, except that an open alert keeps its status until it is resolved (so missed → at-risk
    /// → missed alerts once).
    /// </summary>
    public static TargetStatus KnownAfter(TargetStatus? previous, TargetStatus current) =>
        Decide(previous, current) == AlertAction.None && previous is { } known && known.Severity() > 0 ? known : current;
}
