using System.Diagnostics;
using Azure.Data.Tables;

namespace TakeUp.Functions.Benchmarks;

/// <summary>
/// The raw SDK on its own: inserts the same entities into a fresh table either one
/// <c>AddEntityAsync</c> per entity or 100 per <c>SubmitTransactionAsync</c> entity-group
/// transaction, and reports the throughput. Both ways run one request at a time, so the ratio is
/// the saving in round trips, not in parallelism.
/// </summary>
internal sealed class InsertBenchmark(TableServiceClient service)
{
    public const int DefaultEntities = 5_000;

    /// <summary>Enough for JIT, the connection pool and the emulator's own first-use costs.</summary>
    public const int WarmUpEntities = 1_000;

    private const int EntitiesPerPartition = 500;
    private const int TransactionLimit = 100;
    private static readonly DateTimeOffset Day = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    public enum Method
    {
        Single,
        Batch,
    }

    /// <summary>
    /// A warm-up of each method, then <paramref name="rounds"/> rounds of both, the order swapped
    /// every other round so that neither method always runs on a warmer (or more cluttered) emulator.
    /// </summary>
    public async Task<IReadOnlyList<InsertRound>> CompareAsync(int entities, int rounds, Action<InsertRound> progress, CancellationToken cancellationToken)
    {
        await RunAsync(Method.Single, WarmUpEntities, cancellationToken);
        await RunAsync(Method.Batch, WarmUpEntities, cancellationToken);

        var results = new List<InsertRound>();
        for (var round = 1; round <= rounds; round++)
        {
            double single = 0, batch = 0;
            Method[] order = round % 2 == 1 ? [Method.Single, Method.Batch] : [Method.Batch, Method.Single];
            foreach (var method in order)
            {
                var rate = await RunAsync(method, entities, cancellationToken);
                if (method == Method.Single)
                {
                    single = rate;
                }
                else
                {
                    batch = rate;
                }
            }

            var result = new InsertRound(round, entities, single, batch);
            results.Add(result);
            progress(result);
        }

        return results;
    }

    /// <summary>Entities per second, from the first request to the last response; the table is made before and dropped after.</summary>
    public async Task<double> RunAsync(Method method, int count, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient("bench" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var entities = Entities(count);
            var stopwatch = Stopwatch.StartNew();
            if (method == Method.Single)
            {
                foreach (var entity in entities)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
            }
            else
            {
                foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
                {
                    foreach (var chunk in partition.Chunk(TransactionLimit))
                    {
                        await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
                    }
                }
            }

            stopwatch.Stop();
            return count / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>A usage-counts row: a few strings, counts, a time and an id (the same entities the old storage benchmark wrote).</summary>
    private static List<TableEntity> Entities(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new TableEntity($"svc-{i / EntitiesPerPartition:D4}|20261121", $"m|{i:D8}")
            {
                ["Service"] = "apply-for-a-licence",
                ["Channel"] = i % 2 == 0 ? "online" : "phone",
                ["Count"] = (long)i,
                ["Share"] = i / (double)count,
                ["Assisted"] = i % 7 == 0,
                ["AppliedAt"] = Day.AddSeconds(i),
                ["BatchId"] = new Guid(i, 0, 0, new byte[8]),
            })
            .ToList();
}
