using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace TakeUp.Functions.Benchmarks;

/// <summary>What one end-to-end ingestion run took.</summary>
/// <param name="Elapsed">From the first POST until the last receipt was seen applied.</param>
/// <param name="Posting">From the first POST until the last 202 (validation, receipt, queuing).</param>
/// <param name="ServerSpan">The receipts' own clock: first <c>submittedAt</c> to last <c>appliedAt</c>.</param>
internal sealed record EndToEndRun(int Rows, int Submissions, int Chunks, TimeSpan Elapsed, TimeSpan Posting, TimeSpan ServerSpan)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// The same usage rows stored four ways, each timed on its own:
/// <list type="bullet">
/// <item><see cref="EndToEndAsync"/>: through the running app, as a departmental feed sends them.</item>
/// <item><see cref="RawRowsAsync"/>: the baseline, one entity per row, 100-entity transactions.</item>
/// <item><see cref="RawDaysAsync"/>: one entity per service-day (the stored shape), 100-entity transactions.</item>
/// <item><see cref="ApplyReplayAsync"/>: only the storage calls the app's apply step makes, to see where the time goes.</item>
/// </list>
/// Every storage baseline writes to a fresh table, one request at a time unless stated.
/// </summary>
internal sealed class IngestionBenchmark(HttpClient app, TableServiceClient storage)
{
    public const int RowsPerSubmission = 5_000;

    /// <summary>The local queue listener's batch size (host.json): at most this many batches are applied at once.</summary>
    public const int ListenerConcurrency = 16;

    private const int TransactionLimit = 100;
    private static readonly TimeSpan ApplyTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// POSTs the rows in submissions of about 5,000 (increments mode), one after another, then
    /// polls every receipt until all say applied. Bodies are serialised before the clock starts.
    /// </summary>
    public async Task<EndToEndRun> EndToEndAsync(IReadOnlyList<ServiceDay> days, CancellationToken cancellationToken)
    {
        var bodies = UsageData.Submissions(days, RowsPerSubmission)
            .Select(rows => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
            {
                mode = "increments",
                rows = rows.Select(r => new { date = r.DateText, service = r.Service, channel = r.Channel, assisted = r.Assisted, count = r.Count }),
            }, Json)))
            .ToList();

        var stopwatch = Stopwatch.StartNew();
        var receipts = new List<string>();
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await app.PostAsync(new Uri("/api/usage", UriKind.Relative), content, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException(
                    $"POST /api/usage answered {(int)response.StatusCode}, not 202: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var receipt = await response.Content.ReadFromJsonAsync<Receipt>(Json, cancellationToken)
                ?? throw new InvalidOperationException("POST /api/usage answered 202 with no receipt.");
            receipts.Add(receipt.Id);
        }

        var posting = stopwatch.Elapsed;
        var pending = new HashSet<string>(receipts, StringComparer.Ordinal);
        var applied = new List<Receipt>();
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                var receipt = await app.GetFromJsonAsync<Receipt>(new Uri($"/api/usage/receipts/{id}", UriKind.Relative), Json, cancellationToken)
                    ?? throw new InvalidOperationException($"Receipt {id} came back empty.");
                switch (receipt.Status)
                {
                    case "applied":
                        pending.Remove(id);
                        applied.Add(receipt);
                        break;
                    case "failed":
                        throw new InvalidOperationException($"Receipt {id} failed: {string.Join("; ", receipt.Errors.Select(e => e.GetRawText()))}");
                }
            }

            if (pending.Count == 0)
            {
                break;
            }

            if (stopwatch.Elapsed > ApplyTimeout)
            {
                throw new TimeoutException($"{pending.Count} of {receipts.Count} receipts were still pending after {ApplyTimeout.TotalMinutes:0} minutes.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        stopwatch.Stop();
        var serverSpan = applied.Max(r => r.AppliedAt!.Value) - applied.Min(r => r.SubmittedAt);
        return new EndToEndRun(days.Sum(d => d.Rows.Count), receipts.Count, applied.Sum(r => r.Chunks), stopwatch.Elapsed, posting, serverSpan);
    }

    /// <summary>
    /// The baseline: each row its own entity, partitioned by service and month so that 100 rows
    /// share a partition, inserted in 100-entity transactions, <paramref name="concurrency"/> at a
    /// time (1: one after another, as the storage benchmark does). Rows per second.
    /// </summary>
    public Task<double> RawRowsAsync(IReadOnlyList<ServiceDay> days, int concurrency, CancellationToken cancellationToken) =>
        InsertInBatchesAsync(RowEntities(days), days.Sum(d => d.Rows.Count), concurrency, cancellationToken);

    /// <summary>How many transactions <see cref="RawRowsAsync"/> makes of these days.</summary>
    public static int RawRowsTransactions(IReadOnlyList<ServiceDay> days) =>
        RowEntities(days).GroupBy(e => e.PartitionKey, StringComparer.Ordinal).Sum(p => (p.Count() + TransactionLimit - 1) / TransactionLimit);

    /// <summary>
    /// One entity per service-day, as <c>UsageDaily</c> stores a day's totals (an Int64 per count
    /// key, plus service, date, revision, time and batch), but partitioned by service and year so
    /// that 100 days share a partition, in 100-entity transactions one at a time. Rows per second.
    /// </summary>
    public Task<double> RawDaysAsync(IReadOnlyList<ServiceDay> days, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var entities = days.Select(d => TotalsEntity(
                $"{d.Service}|{d.Date.ToString("yyyy", CultureInfo.InvariantCulture)}",
                d.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                d,
                now,
                "raw-days"))
            .ToList();
        return InsertInBatchesAsync(entities, days.Sum(d => d.Rows.Count), 1, cancellationToken);
    }

    /// <summary>
    /// Only the storage calls the app's apply step makes per (service, day), with the app's keys
    /// and concurrency: read the day's totals (absent: the day is new), then one transaction adding
    /// the batch marker and the totals. The days are cut into as many contiguous batches as the app
    /// made chunks, at most 16 batches at a time, each batch's days one after another. No HTTP, no
    /// queue, no receipts. Rows per second.
    /// </summary>
    public async Task<double> ApplyReplayAsync(IReadOnlyList<ServiceDay> days, int batches, CancellationToken cancellationToken)
    {
        var table = await FreshTableAsync(cancellationToken);
        try
        {
            var perBatch = (int)Math.Ceiling(days.Count / (double)Math.Max(1, batches));
            var work = days.Chunk(perBatch).Select((chunk, i) => (BatchId: $"replay-{i + 1}", Days: chunk)).ToList();
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = ListenerConcurrency, CancellationToken = cancellationToken },
                async (batch, ct) =>
                {
                    foreach (var day in batch.Days)
                    {
                        var partitionKey = $"{day.Service}|{day.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
                        var current = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, "totals", null, ct);
                        if (current.HasValue)
                        {
                            throw new InvalidOperationException($"{partitionKey} was written before; the replay needs fresh days.");
                        }

                        var now = DateTimeOffset.UtcNow;
                        var marker = new TableEntity(partitionKey, "m|" + batch.BatchId)
                        {
                            ["AppliedAt"] = now,
                            ["Mode"] = "increments",
                            ["Rows"] = day.Rows.Count,
                        };
                        await table.SubmitTransactionAsync(
                            [
                                new TableTransactionAction(TableTransactionActionType.Add, marker),
                                new TableTransactionAction(TableTransactionActionType.Add, TotalsEntity(partitionKey, "totals", day, now, batch.BatchId)),
                            ],
                            ct);
                    }
                });
            stopwatch.Stop();
            return days.Sum(d => d.Rows.Count) / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    private static List<TableEntity> RowEntities(IReadOnlyList<ServiceDay> days) =>
        days.SelectMany(d => d.Rows).Select(r => new TableEntity(
                $"{r.Service}|{r.Date.ToString("yyyyMM", CultureInfo.InvariantCulture)}",
                $"{r.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}|{r.Channel}|{r.Assisted}")
            {
                ["Date"] = r.DateText,
                ["Service"] = r.Service,
                ["Channel"] = r.Channel,
                ["Assisted"] = r.Assisted,
                ["Count"] = r.Count,
            })
            .ToList();

    private async Task<double> InsertInBatchesAsync(List<TableEntity> entities, int rows, int concurrency, CancellationToken cancellationToken)
    {
        var table = await FreshTableAsync(cancellationToken);
        try
        {
            var transactions = entities
                .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
                .SelectMany(partition => partition.Chunk(TransactionLimit))
                .ToList();
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                transactions,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (transaction, ct) => await table.SubmitTransactionAsync(
                    transaction.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct));

            stopwatch.Stop();
            return rows / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    private async Task<TableClient> FreshTableAsync(CancellationToken cancellationToken)
    {
        var table = storage.GetTableClient("bench" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    /// <summary>A day's totals as <c>UsageDaily</c> holds them: <c>c_{channel}[__{assisted}]</c> Int64s and five more properties.</summary>
    private static TableEntity TotalsEntity(string partitionKey, string rowKey, ServiceDay day, DateTimeOffset now, string batchId)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Service"] = day.Service,
            ["Date"] = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Revision"] = 1L,
            ["UpdatedAt"] = now,
            ["LastBatchId"] = batchId,
        };
        foreach (var row in day.Rows)
        {
            entity[CountPropertyName(row.Channel, row.Assisted)] = row.Count;
        }

        return entity;
    }

    private static string CountPropertyName(string channel, string assisted) =>
        "c_" + channel.Replace('-', '_') + (assisted == "no" ? "" : "__" + assisted.Replace('-', '_'));

    /// <summary>The parts of <c>GET api/usage/receipts/{id}</c> the benchmark reads.</summary>
    private sealed record Receipt(string Id, string Status, int Rows, int Chunks, int ChunksApplied, DateTimeOffset SubmittedAt, DateTimeOffset? AppliedAt, IReadOnlyList<JsonElement> Errors);
}
