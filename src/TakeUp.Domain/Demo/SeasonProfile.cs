namespace TakeUp.Domain.Demo;

/// <summary>
/// How a service's volume rises and falls through the year: a factor per calendar month, scaled
/// so the year averages 1. The shapes are the demo's own, drawn from what the services are for.
/// </summary>
public sealed class SeasonProfile
{
    /// <summary>The same every month.</summary>
    public static readonly SeasonProfile Flat = new("flat", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

    /// <summary>A spring claim window (Single Payment Scheme claims close in mid-May).</summary>
    public static readonly SeasonProfile ClaimWindow = new("claim-window", [0.5, 0.7, 1.4, 2.3, 2.6, 0.8, 0.6, 0.5, 0.6, 0.7, 0.7, 0.6]);

    /// <summary>Student finance: applications from February to June, and again before the autumn term.</summary>
    public static readonly SeasonProfile AcademicYear = new("academic-year", [0.8, 1.35, 1.3, 1.3, 1.35, 1.25, 1.0, 1.1, 1.2, 0.6, 0.45, 0.3]);

    /// <summary>Self assessment: the 31 January deadline.</summary>
    public static readonly SeasonProfile TaxDeadline = new("tax-deadline", [3.4, 0.6, 0.5, 0.9, 0.8, 0.7, 0.7, 0.6, 0.7, 0.9, 1.0, 1.3]);

    /// <summary>Electoral registration: the annual canvass in the autumn.</summary>
    public static readonly SeasonProfile Canvass = new("canvass", [0.8, 0.8, 0.9, 0.9, 0.9, 0.8, 0.8, 0.9, 1.2, 1.4, 1.4, 1.0]);

    /// <summary>More in the summer months (travel, driving tests after exams).</summary>
    public static readonly SeasonProfile Summer = new("summer", [0.85, 0.85, 0.95, 1.0, 1.05, 1.15, 1.25, 1.2, 1.05, 0.95, 0.9, 0.8]);

    public static readonly IReadOnlyList<SeasonProfile> All = [Flat, ClaimWindow, AcademicYear, TaxDeadline, Canvass, Summer];

    private readonly double[] _factors;

    private SeasonProfile(string name, double[] monthly)
    {
        Name = name;
        var mean = monthly.Sum() / monthly.Length;
        _factors = monthly.Select(m => m / mean).ToArray();
    }

    public string Name { get; }

    /// <summary>The factor for a month, 1 to 12.</summary>
    public double For(int month) => _factors[month - 1];

    public static bool TryParse(string? text, out SeasonProfile profile)
    {
        profile = All.FirstOrDefault(p => p.Name == (string.IsNullOrWhiteSpace(text) ? Flat.Name : text.Trim())) ?? Flat;
        return string.IsNullOrWhiteSpace(text) || All.Any(p => p.Name == text.Trim());
    }

    public override string ToString() => Name;
}
