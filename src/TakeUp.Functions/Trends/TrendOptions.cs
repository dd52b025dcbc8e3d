using System.ComponentModel.DataAnnotations;

namespace TakeUp.Functions.Trends;

/// <summary>Settings under <c>Trends</c>.</summary>
public sealed class TrendOptions
{
    public const string Section = "Trends";

    /// <summary>How much history a computation reads: enough for the first-full-year inclusion baseline.</summary>
    [Range(1, 10, ErrorMessage = "Trends:HistoryYears must be from 1 to 10.")]
    public int HistoryYears { get; set; } = 10;

    /// <summary>Services one instance recomputes at once (see <see cref="TrendComputationGate"/>).</summary>
    [Range(1, 64, ErrorMessage = "Trends:MaxConcurrentComputations must be from 1 to 64.")]
    public int MaxConcurrentComputations { get; set; } = 4;

    /// <summary>Transactions a week below which a week is not judged (docs/method.md).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Trends:MinimumWeeklyVolume must be from 1 to 1,000,000.")]
    public int MinimumWeeklyVolume { get; set; } = 100;
}
