using System.Diagnostics;
using Azure.Data.Tables;

namespace TakeUp.Trends.Benchmarks;

/// <summary>What the app stored in a run: its period rows per service, and counts of the rest.</summary>
internal sealed record AppOutput(
    IReadOnlyDictionary<string, IReadOnlyList<TableEntity>> PeriodsByService,
    IReadOnlyDictionary<string, TableEntity> Summaries,
    int CrossGovRows,
    int RuleStates,
    int FeedLateStates,
    IReadOnlyDictionary<string, int> AlertsByRule,
    int Deliveries)
{
    public int Alerts => AlertsByRule.Values.Sum();

    /// <summary>Rule states other than the freshness check's <c>feed-late</c>: those the trend computation records.</summary>
    public int TrendRuleStates => RuleStates - FeedLateStates;

    public int PeriodRows => PeriodsByService.Values.Sum(p => p.Count);
}

/// <summary>Rows written since an instant, by table.</summary>
internal sealed record WrittenSince(int TrendsRows, int TrendsServices, int CrossGovRows);

/// <summary>What replaying the app's writes took.</summary>
internal sealed record ReplayResult(int Services, int TrendsTransactions, int CrossGovUpserts, int SummaryUpserts, TimeSpan Elapsed);

/// <summary>
/// Reads back what ComputeServiceTrend stored, and replays its <c>Trends</c> and <c>CrossGov</c>
/// writes into fresh tables with the app's pattern, to see how much of a run the writes take.
/// </summary>
internal sealed class AppOutputReader(TableServiceClient tables)
{
    private const int ServicesAtOnce = ReadOnce.ListenerConcurrency;

    // TrendStore: Trends rows in 100-entity transactions, then CrossGov one upsert per period, 8 at a time.
    private const int TransactionLimit = 100;
    private const int CrossGovParallelism = 8;

    public async Task<AppOutput> ReadAsync(CancellationToken cancellationToken)
    {
        var periods = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var summaries = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in tables.GetTableClient(AppShapes.TrendsTable).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            switch (row.RowKey)
            {
                case AppShapes.ActivityRowKey:
                    break;
                case AppShapes.SummaryRowKey:
                    summaries[row.PartitionKey] = row;
                    break;
                default:
                    if (!periods.TryGetValue(row.PartitionKey, out var list))
                    {
                        periods[row.PartitionKey] = list = [];
                    }

                    list.Add(row);
                    break;
            }
        }

        var crossGov = 0;
        await foreach (var _ in tables.GetTableClient(AppShapes.CrossGovTable).QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken))
        {
            crossGov++;
        }

        int states = 0, feedLate = 0, deliveries = 0;
        var alertsByRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in tables.GetTableClient(AppShapes.AlertsTable).QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(AppShapes.AlertStatePrefix, StringComparison.Ordinal))
            {
                states++;
                if (row.RowKey == AppShapes.AlertStatePrefix + AppShapes.FeedLateRule)
                {
                    feedLate++;
                }
            }
            else if (row.RowKey.StartsWith(AppShapes.AlertPrefix, StringComparison.Ordinal))
            {
                // Alert ids are {service}.{rule}.{sequence} (AlertKeys.AlertId).
                var parts = row.RowKey[AppShapes.AlertPrefix.Length..].Split('.');
                var rule = parts.Length == 3 ? parts[1] : "(unknown)";
                alertsByRule[rule] = alertsByRule.GetValueOrDefault(rule) + 1;
            }
            else
            {
                deliveries++;
            }
        }

        return new AppOutput(
            periods.ToDictionary(p => p.Key, p => (IReadOnlyList<TableEntity>)p.Value, StringComparer.Ordinal),
            summaries,
            crossGov,
            states,
            feedLate,
            alertsByRule,
            deliveries);
    }

    /// <summary>How many services have a <c>feed-late</c> rule state: CheckDataFreshness has evaluated them.</summary>
    public async Task<int> FeedLateStatesAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {AppShapes.AlertStatePrefix + AppShapes.FeedLateRule}");
        await foreach (var _ in tables.GetTableClient(AppShapes.AlertsTable).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>Period rows the app stamped (<c>ComputedAt</c>) at or after <paramref name="since"/>.</summary>
    public async Task<WrittenSince> WrittenSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"ComputedAt ge {since}");
        var trendsRows = 0;
        var services = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in tables.GetTableClient(AppShapes.TrendsTable).QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            trendsRows++;
            services.Add(row.PartitionKey);
        }

        var crossGovRows = 0;
        await foreach (var _ in tables.GetTableClient(AppShapes.CrossGovTable).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            crossGovRows++;
        }

        return new WrittenSince(trendsRows, services.Count, crossGovRows);
    }

    /// <summary>
    /// Writes the same rows again, as TrendStore writes them, into two fresh tables: per service its
    /// Trends period rows in 100-entity upsert transactions, its CrossGov rows one upsert each (8 at a
    /// time), and its summary row; 16 services at a time, as the queue listener runs them. No reads,
    /// no arithmetic, no alerts.
    /// </summary>
    public async Task<ReplayResult> ReplayWritesAsync(AppOutput output, IReadOnlyDictionary<string, SeededService> services, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var trends = tables.GetTableClient("replaytrends" + suffix);
        var crossGov = tables.GetTableClient("replaycrossgov" + suffix);
        await trends.CreateIfNotExistsAsync(cancellationToken);
        await crossGov.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var transactions = 0;
            var upserts = 0;
            var summaries = 0;
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                output.PeriodsByService,
                new ParallelOptions { MaxDegreeOfParallelism = ServicesAtOnce, CancellationToken = cancellationToken },
                async (entry, ct) =>
                {
                    var (service, rows) = entry;
                    var record = services[service].Record;
                    foreach (var batch in rows.Chunk(TransactionLimit))
                    {
                        await trends.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Copy(r, r.PartitionKey, r.RowKey))), ct);
                        Interlocked.Increment(ref transactions);
                    }

                    await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = CrossGovParallelism, CancellationToken = ct }, async (row, inner) =>
                    {
                        var entity = Copy(row, row.RowKey, $"{record.Department.Value}|{service}");
                        entity["Service"] = service;
                        entity["ServiceName"] = record.Name;
                        entity["Department"] = record.Department.Value;
                        entity["DepartmentName"] = record.DepartmentName;
                        await crossGov.UpsertEntityAsync(entity, TableUpdateMode.Replace, inner);
                        Interlocked.Increment(ref upserts);
                    });

                    if (output.Summaries.TryGetValue(service, out var summary))
                    {
                        await trends.UpsertEntityAsync(Copy(summary, summary.PartitionKey, summary.RowKey), TableUpdateMode.Replace, ct);
                        Interlocked.Increment(ref summaries);
                    }
                });
            stopwatch.Stop();
            return new ReplayResult(output.PeriodsByService.Count, transactions, upserts, summaries, stopwatch.Elapsed);
        }
        finally
        {
            await trends.DeleteAsync(CancellationToken.None);
            await crossGov.DeleteAsync(CancellationToken.None);
        }
    }

    private static TableEntity Copy(TableEntity source, string partitionKey, string rowKey)
    {
        var copy = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in source)
        {
            // The SDK keeps the read's ETag in the property bag too: a copy is a new write, not that version.
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
