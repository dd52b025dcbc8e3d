namespace TakeUp.Domain.Assisted;

/// <summary>
/// What the member of staff did: guided the person through the digital service, or entered the
/// person's details into it for them. Both count as assisted digital, not as offline channels.
/// </summary>
public sealed class HelpType
{
    public static readonly HelpType Guided = new("guided", "Guided them through the digital service");
    public static readonly HelpType OnBehalf = new("on-behalf", "Entered their details for them");

    public static readonly IReadOnlyList<HelpType> All = [Guided, OnBehalf];

    private HelpType(string name, string label)
    {
        Name = name;
        Label = label;
    }

    /// <summary>The canonical spelling, as accepted in submissions and returned by the API.</summary>
    public string Name { get; }

    /// <summary>Wording for a form or a report.</summary>
    public string Label { get; }

    /// <summary>Accepts the canonical names only, exactly (lower case, no spaces).</summary>
    public static bool TryParse(string? name, out HelpType helpType)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                helpType = candidate;
                return true;
            }
        }

        helpType = Guided;
        return false;
    }

    public static string UnknownReason(string? name) =>
        $"'{name}' is not a kind of help; use guided (you guided them through the service) or on-behalf (you entered their details for them).";

    public override string ToString() => Name;
}
