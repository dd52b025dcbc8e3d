namespace TakeUp.Domain.Services;

/// <summary>How often a service's usage feed is expected to arrive; a later feed is flagged as late.</summary>
public sealed class FeedFrequency
{
    public static readonly FeedFrequency Daily = new("daily", 1);
    public static readonly FeedFrequency Weekly = new("weekly", 7);
    public static readonly FeedFrequency Monthly = new("monthly", 31);

    public static readonly IReadOnlyList<FeedFrequency> All = [Daily, Weekly, Monthly];

    private FeedFrequency(string name, int days)
    {
        Name = name;
        Days = days;
    }

    public string Name { get; }

    /// <summary>The longest gap, in days, between two feeds that are on time.</summary>
    public int Days { get; }

    public static bool TryParse(string? text, out FeedFrequency frequency)
    {
        frequency = All.FirstOrDefault(f => f.Name == text) ?? Daily;
        return All.Any(f => f.Name == text);
    }

    public override string ToString() => Name;
}
