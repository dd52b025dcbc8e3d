using System.Diagnostics;
using Azure.Data.Tables;

namespace TakeUp.Trends.Benchmarks;

/// <summary>What reading every given service's history once took.</summary>
internal sealed record ReadOnceResult(int Services, long Days, int Pages, TimeSpan Elapsed)
{
    public double ServicesPerSecond => Services / Elapsed.TotalSeconds;
}

/// <summary>
/// The baseline: the one read ComputeServiceTrend cannot do without, each service's whole history
/// from <c>UsageDaily</c> with UsageDailyStore.ReadDaysAsync's filter and range, every page, the
/// counts summed so that every entity is looked at, <see cref="ListenerConcurrency"/> services at a
/// time. Nothing is computed and nothing written.
/// </summary>
internal sealed class ReadOnce(TableClient usageDaily)
{
    /// <summary>The local queue listener's batch size (LocalRuntimeOptions.BatchSize, host.json <c>queues.batchSize</c>).</summary>
    public const int ListenerConcurrency = 16;

    public async Task<ReadOnceResult> RunAsync(IReadOnlyList<string> services, DateOnly asOf, CancellationToken cancellationToken)
    {
        var range = AppShapes.HistoryRead(asOf);
        long days = 0;
        var pages = 0;
        long transactions = 0;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            services,
            new ParallelOptions { MaxDegreeOfParallelism = ListenerConcurrency, CancellationToken = cancellationToken },
            async (service, ct) =>
            {
                await foreach (var page in usageDaily.QueryAsync<TableEntity>(AppShapes.ReadDaysFilter(service, range), cancellationToken: ct).AsPages())
                {
                    Interlocked.Increment(ref pages);
                    Interlocked.Add(ref days, page.Values.Count);
                    Interlocked.Add(ref transactions, page.Values.Sum(Transactions));
                }
            });
        stopwatch.Stop();
        if (transactions <= 0)
        {
            throw new InvalidOperationException("The read found no transactions: the seed is missing or the filter is wrong.");
        }

        return new ReadOnceResult(services.Count, days, pages, stopwatch.Elapsed);
    }

    /// <summary>A probe of the current cost of one service's read, for planning: a few services, read concurrently.</summary>
    public async Task<TimeSpan> PerServiceAsync(IReadOnlyList<string> sample, DateOnly asOf, CancellationToken cancellationToken)
    {
        var result = await RunAsync(sample, asOf, cancellationToken);
        return result.Elapsed / sample.Count;
    }

    private static long Transactions(TableEntity entity) =>
        AppShapes.CountColumns.Sum(c => AppShapes.Count(entity, c.Property));
}
