using System.Diagnostics;

namespace TakeUp.Storage.Benchmarks;

/// <summary>
/// Inserts the same entities into a fresh table either one request per entity or 100 per entity-group
/// transaction, and reports the throughput. Both ways run one request at a time, so the ratio is the
/// saving in round trips, not in parallelism.
/// </summary>
internal sealed class InsertBenchmark(TableServiceClient service)
{
    private const int EntitiesPerPartition = 500;
    private static readonly DateTimeOffset Day = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    public enum Method
    {
        Single,
        Batch,
    }

    public async Task<double> RunAsync(Method method, int count)
    {
        var table = service.GetTableClient("bench" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        try
        {
            var entities = Entities(count);
            var stopwatch = Stopwatch.StartNew();
            if (method == Method.Single)
            {
                foreach (var entity in entities)
                {
                    await table.AddEntityAsync(entity);
                }
            }
            else
            {
                foreach (var partition in entities.GroupBy(e => e.PartitionKey))
                {
                    foreach (var chunk in partition.Chunk(100))
                    {
                        await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
                    }
                }
            }

            stopwatch.Stop();
            return count / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    /// <summary>A usage-counts row: a few strings, counts, a time and an id.</summary>
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
