namespace TakeUp.Domain.Assisted;

/// <summary>How far the person got with their transaction by the end of the session.</summary>
public sealed class SessionOutcome
{
    public static readonly SessionOutcome Completed = new("completed", "Completed", isComplete: true);
    public static readonly SessionOutcome PartlyCompleted = new("partly-completed", "Partly completed", isComplete: false);
    public static readonly SessionOutcome NotCompleted = new("not-completed", "Not completed", isComplete: false);
    public static readonly SessionOutcome Referred = new("referred", "Referred elsewhere", isComplete: false);

    public static readonly IReadOnlyList<SessionOutcome> All = [Completed, PartlyCompleted, NotCompleted, Referred];

    private SessionOutcome(string name, string label, bool isComplete)
    {
        Name = name;
        Label = label;
        IsComplete = isComplete;
    }

    /// <summary>The canonical spelling, as accepted in submissions and returned by the API.</summary>
    public string Name { get; }

    /// <summary>Wording for a form or a report.</summary>
    public string Label { get; }

    /// <summary>True only when the transaction was completed in the session (a completed assisted digital transaction).</summary>
    public bool IsComplete { get; }

    /// <summary>Accepts the canonical names only, exactly (lower case, no spaces).</summary>
    public static bool TryParse(string? name, out SessionOutcome outcome)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = NotCompleted;
        return false;
    }

    public static string UnknownReason(string? name) =>
        $"'{name}' is not a session outcome; use one of: {string.Join(", ", All.Select(o => o.Name))}.";

    public override string ToString() => Name;
}
