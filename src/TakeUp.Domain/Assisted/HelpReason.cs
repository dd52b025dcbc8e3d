namespace TakeUp.Domain.Assisted;

/// <summary>Why the person could not use the digital service on their own. A session gives one or more.</summary>
public sealed class HelpReason
{
    public static readonly HelpReason NoDevice = new("no-device", "No suitable device");
    public static readonly HelpReason NoInternet = new("no-internet", "No internet access");
    public static readonly HelpReason LacksSkills = new("lacks-skills", "Lacks the digital skills");
    public static readonly HelpReason LacksConfidence = new("lacks-confidence", "Lacks confidence online");
    public static readonly HelpReason AccessibilityNeed = new("accessibility-need", "An accessibility need");
    public static readonly HelpReason Language = new("language", "Language");
    public static readonly HelpReason TrustOrSecurity = new("trust-or-security", "Does not trust the service or is worried about security");
    public static readonly HelpReason Other = new("other", "Another reason");

    public static readonly IReadOnlyList<HelpReason> All =
        [NoDevice, NoInternet, LacksSkills, LacksConfidence, AccessibilityNeed, Language, TrustOrSecurity, Other];

    private HelpReason(string name, string label)
    {
        Name = name;
        Label = label;
    }

    /// <summary>The canonical spelling, as accepted in submissions and returned by the API.</summary>
    public string Name { get; }

    /// <summary>Wording for a form or a report.</summary>
    public string Label { get; }

    /// <summary>Accepts the canonical names only, exactly (lower case, no spaces).</summary>
    public static bool TryParse(string? name, out HelpReason reason)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                reason = candidate;
                return true;
            }
        }

        reason = Other;
        return false;
    }

    public static string UnknownReason(string? name) =>
        $"'{name}' is not a reason for help; use one of: {string.Join(", ", All.Select(r => r.Name))}.";

    public override string ToString() => Name;
}
