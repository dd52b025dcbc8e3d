namespace TakeUp.Domain.Assisted;

/// <summary>How assisted digital support reached the person: the routes the Service Manual names, plus home visits.</summary>
public sealed class SupportRoute
{
    public static readonly SupportRoute InPerson = new("in-person", "In person");
    public static readonly SupportRoute Phone = new("phone", "By phone");
    public static readonly SupportRoute Webchat = new("webchat", "By web chat");
    public static readonly SupportRoute HomeVisit = new("home-visit", "On a home visit");

    public static readonly IReadOnlyList<SupportRoute> All = [InPerson, Phone, Webchat, HomeVisit];

    private SupportRoute(string name, string label)
    {
        Name = name;
        Label = label;
    }

    /// <summary>The canonical spelling, as accepted in submissions and returned by the API.</summary>
    public string Name { get; }

    /// <summary>Wording for a form or a report.</summary>
    public string Label { get; }

    /// <summary>Accepts the canonical names only, exactly (lower case, no spaces).</summary>
    public static bool TryParse(string? name, out SupportRoute route)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                route = candidate;
                return true;
            }
        }

        route = InPerson;
        return false;
    }

    public static string UnknownReason(string? name) =>
        $"'{name}' is not a support route; use one of: {string.Join(", ", All.Select(r => r.Name))}.";

    public override string ToString() => Name;
}
