namespace TakeUp.Domain.Assisted;

/// <summary>The person's own answer to "would you try this on your own next time?": the channel-shift signal.</summary>
public sealed class TryAloneNextTime
{
    public static readonly TryAloneNextTime Yes = new("yes", "Yes");
    public static readonly TryAloneNextTime No = new("no", "No");
    public static readonly TryAloneNextTime Unsure = new("unsure", "Not sure");

    public static readonly IReadOnlyList<TryAloneNextTime> All = [Yes, No, Unsure];

    private TryAloneNextTime(string name, string label)
    {
        Name = name;
        Label = label;
    }

    /// <summary>The canonical spelling, as accepted in submissions and returned by the API.</summary>
    public string Name { get; }

    /// <summary>Wording for a form or a report.</summary>
    public string Label { get; }

    /// <summary>Accepts the canonical names only, exactly (lower case, no spaces).</summary>
    public static bool TryParse(string? name, out TryAloneNextTime answer)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                answer = candidate;
                return true;
            }
        }

        answer = Unsure;
        return false;
    }

    public static string UnknownReason(string? name) =>
        $"'{name}' is not an answer to whether they would try alone next time; use one of: {string.Join(", ", All.Select(a => a.Name))}.";

    public override string ToString() => Name;
}
