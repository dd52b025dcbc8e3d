using TakeUp.Domain.Measures;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// How long support requests waited, in working days (as counted by
/// <see cref="Calendar.WorkingDays.Between"/>: the days after the day opened, up to and including the
/// day resolved), and how many met the service's standard.
/// </summary>
/// <param name="Count">Requests measured.</param>
/// <param name="MedianWorkingDays">The middle wait; with an even count, the mean of the two middle waits. Null when there are none.</param>
/// <param name="Percentile90WorkingDays">
/// The 90th percentile by the nearest-rank method: the wait at rank ⌈0.9 × n⌉ when the waits are sorted
/// from shortest (rank 1) to longest. It is always one of the waits measured, never an interpolation:
/// "90% of requests waited this long or less". Null when there are none.
/// </param>
/// <param name="StandardDays">The standard the requests were measured against.</param>
/// <param name="WithinStandard">Requests that waited at most <paramref name="StandardDays"/> over all requests (<see cref="AnalysisMethods.SupportWithinStandard"/>).</param>
public sealed record SupportWaitingMeasures(
    int Count,
    double? MedianWorkingDays,
    int? Percentile90WorkingDays,
    int StandardDays,
    Ratio WithinStandard)
{
    /// <summary>The service standard when a service sets none: 5 working days (this project's choice; docs/method.md).</summary>
    public const int DefaultStandardDays = 5;

    public static SupportWaitingMeasures From(IEnumerable<int> waitingWorkingDays, int standardDays)
    {
        ArgumentNullException.ThrowIfNull(waitingWorkingDays);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDays);
        var sorted = waitingWorkingDays.ToArray();
        foreach (var days in sorted)
        {
            if (days < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(waitingWorkingDays), days, "A wait cannot be a negative number of working days.");
            }
        }

        Array.Sort(sorted);
        var n = sorted.Length;
        var within = sorted.Count(d => d <= standardDays);
        double? median = n == 0 ? null : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double)sorted[n / 2]) / 2;
        int? p90 = n == 0 ? null : sorted[NearestRank(n, 90) - 1];
        return new SupportWaitingMeasures(n, median, p90, standardDays, new Ratio(within, n, AnalysisMethods.SupportWithinStandard));
    }

    /// <summary>⌈p/100 × n⌉, in whole numbers so that no rounding error moves the rank: the 1-based rank of the p-th percentile.</summary>
    public static int NearestRank(int n, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return (int)((checked((long)n * percent) + 99) / 100);
    }
}
