using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace TakeUp.Trends.Benchmarks;

/// <summary>
/// Writes the benchmark's data straight to storage with the Azure SDK, before the app starts:
/// the catalogue, the daily usage totals and each service's <c>activity</c> row, in the shapes the
/// app writes them (<see cref="AppShapes"/>), <see cref="Concurrency"/> requests at a time. Each
/// service-day is its own partition in <c>UsageDaily</c>, so every day is one request: there is no
/// batching to be had.
/// </summary>
internal sealed class Seeder(TableServiceClient tables, string connectionString)
{
    public const int Concurrency = 32;
    public const string UpdatedBy = "benchmark-seed";

    /// <summary>Every table and queue the app makes at start (StorageInitializer), made first because the seed is written before the app runs.</summary>
    public async Task CreateTablesAndQueuesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in AppShapes.AllTables)
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var queue in AppShapes.AllQueues)
        {
            await new QueueClient(connectionString, queue, AppShapes.QueueOptions()).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await new QueueClient(connectionString, AppShapes.Poison(queue), AppShapes.QueueOptions()).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// The services' catalogue rows, their days from <paramref name="first"/> to <paramref name="last"/>
    /// and their activity rows (usage arrived at <paramref name="arrivedAt"/>, never computed).
    /// </summary>
    /// <returns>Entities written: catalogue, usage days, activity rows.</returns>
    public async Task<(int Catalogue, long Days, int Activity)> SeedAsync(
        IReadOnlyList<SeededService> services, DateOnly first, DateOnly last, DateTimeOffset arrivedAt, CancellationToken cancellationToken)
    {
        var catalogue = await WriteAsync(
            AppShapes.ServicesTable,
            services.Select(s => AppShapes.ServiceEntity(s.Record, DateTimeOffset.UtcNow, UpdatedBy)),
            WriteKind.UpsertReplace,
            cancellationToken);
        var days = await WriteUsageAsync(services, first, last, cancellationToken);
        var activity = await WriteAsync(
            AppShapes.TrendsTable,
            services.Select(s => AppShapes.ArrivalEntity(s.Id, arrivedAt)),
            WriteKind.UpsertMerge,
            cancellationToken);
        return ((int)catalogue, days, (int)activity);
    }

    /// <summary>Each service's days in the range as new <c>totals</c> rows, stamped with the time of writing.</summary>
    public Task<long> WriteUsageAsync(IReadOnlyList<SeededService> services, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        WriteAsync(
            AppShapes.UsageDailyTable,
            services.SelectMany(s => UsageModel.Days(s, first, last)
                .Select(d => AppShapes.TotalsEntity(s.Id, d.Date, d.Counts, DateTimeOffset.UtcNow, $"bench-{d.Date:yyyyMMdd}"))),
            WriteKind.Add,
            cancellationToken);

    /// <summary>
    /// One more day for each service, a new <c>totals</c> row stamped now: the day's counts continue the
    /// series begun at <paramref name="first"/>, as a daily feed would send them.
    /// </summary>
    public Task<long> WriteDayAsync(IReadOnlyList<SeededService> services, DateOnly first, DateOnly day, CancellationToken cancellationToken) =>
        WriteAsync(
            AppShapes.UsageDailyTable,
            services.Select(s => UsageModel.Days(s, first, day).Last())
                .Zip(services, (d, s) => AppShapes.TotalsEntity(s.Id, d.Date, d.Counts, DateTimeOffset.UtcNow, $"bench-{d.Date:yyyyMMdd}")),
            WriteKind.Add,
            cancellationToken);

    /// <summary>RecordArrivalAsync for each service: usage arrived now.</summary>
    public Task<long> RecordArrivalsAsync(IEnumerable<string> services, DateTimeOffset arrivedAt, CancellationToken cancellationToken) =>
        WriteAsync(AppShapes.TrendsTable, services.Select(s => AppShapes.ArrivalEntity(s, arrivedAt)), WriteKind.UpsertMerge, cancellationToken);

    // The entities are made as they are written (a lazy sequence), so memory stays flat however many there are.
    private async Task<long> WriteAsync(string tableName, IEnumerable<TableEntity> entities, WriteKind kind, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(tableName);
        long written = 0;
        await Parallel.ForEachAsync(
            entities,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (entity, ct) =>
            {
                switch (kind)
                {
                    case WriteKind.Add:
                        await table.AddEntityAsync(entity, ct);
                        break;
                    case WriteKind.UpsertReplace:
                        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
                        break;
                    default:
                        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct);
                        break;
                }

                Interlocked.Increment(ref written);
            });
        return written;
    }

    private enum WriteKind
    {
        Add,
        UpsertReplace,
        UpsertMerge,
    }
}
