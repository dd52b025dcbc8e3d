namespace TakeUp.Functions.Benchmarks;

/// <summary>Milliseconds per request: mean and nearest-rank percentiles.</summary>
internal sealed record LatencySummary(int Count, double Mean, double P50, double P90, double P99)
{
    public static LatencySummary From(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("No latencies to summarise.", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99));
    }

    /// <summary>The smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
