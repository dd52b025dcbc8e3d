using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Usage;

/// <summary>
/// Receipts in <c>UsageReceipts</c>: one partition per receipt, holding a summary row and one row
/// per chunk, so chunks applied concurrently never contend for one entity.
/// </summary>
public sealed class UsageReceiptStore(StorageAccount storage, TimeProvider time)
{
    private const string SummaryRowKey = "receipt";

    private TableClient Table => storage.Table(TableNames.UsageReceipts);

    public static string ChunkRowKey(int chunk) => "chunk|" + chunk.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Records a submission and its chunks as pending, before any chunk is queued.</summary>
    public async Task CreateAsync(string receiptId, CountingMode mode, string source, string? submittedBy, IReadOnlyList<int> rowsPerChunk, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entities = new List<TableEntity>
        {
            new(receiptId, SummaryRowKey)
            {
                ["Mode"] = CountingModes.NameOf(mode),
                ["Source"] = source,
                ["SubmittedBy"] = submittedBy,
                ["SubmittedAt"] = now,
                ["Rows"] = rowsPerChunk.Sum(),
                ["Chunks"] = rowsPerChunk.Count,
            },
        };
        for (var i = 0; i < rowsPerChunk.Count; i++)
        {
            entities.Add(new TableEntity(receiptId, ChunkRowKey(i + 1)) { ["Status"] = UsageReceipt.Pending, ["Rows"] = rowsPerChunk[i] });
        }

        foreach (var group in entities.Chunk(100))
        {
            await Table.SubmitTransactionAsync(group.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    /// <summary>
    /// Marks a chunk applied. A batch written straight to the queue has no receipt yet: it gets one
    /// here, keyed by its batch id.
    /// </summary>
    public async Task MarkAppliedAsync(string receiptId, int chunk, CountingMode mode, int rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await EnsureSummaryAsync(receiptId, mode, rows, now, cancellationToken);
        await Table.UpsertEntityAsync(
            new TableEntity(receiptId, ChunkRowKey(chunk)) { ["Status"] = UsageReceipt.Applied, ["AppliedAt"] = now, ["Rows"] = rows },
            TableUpdateMode.Merge, cancellationToken);
    }

    public async Task MarkFailedAsync(string receiptId, int chunk, CountingMode mode, IReadOnlyList<InputError> errors, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await EnsureSummaryAsync(receiptId, mode, 0, now, cancellationToken);
        await Table.UpsertEntityAsync(
            new TableEntity(receiptId, ChunkRowKey(chunk))
            {
                ["Status"] = UsageReceipt.Failed,
                ["FailedAt"] = now,
                ["Errors"] = JsonSerializer.Serialize(errors.Take(1000).ToList()),
            },
            TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<UsageReceipt?> GetAsync(string receiptId, CancellationToken cancellationToken)
    {
        TableEntity? summary = null;
        var chunks = new List<TableEntity>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {receiptId}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == SummaryRowKey)
            {
                summary = entity;
            }
            else
            {
                chunks.Add(entity);
            }
        }

        if (summary is null)
        {
            return null;
        }

        var statuses = chunks.Select(c => c.GetString("Status")).ToList();
        var errors = chunks
            .Select(c => c.GetString("Errors"))
            .Where(e => e is not null)
            .SelectMany(e => JsonSerializer.Deserialize<List<InputError>>(e!) ?? [])
            .ToList();
        var applied = statuses.Count(s => s == UsageReceipt.Applied);
        var status = statuses.Contains(UsageReceipt.Failed) ? UsageReceipt.Failed
            : applied == chunks.Count && chunks.Count > 0 ? UsageReceipt.Applied
            : UsageReceipt.Pending;

        return new UsageReceipt(
            receiptId,
            status,
            summary.GetString("Mode") ?? "totals",
            summary.GetString("Source") ?? "http",
            summary.GetString("SubmittedBy"),
            summary.GetInt32("Rows") ?? 0,
            chunks.Count,
            applied,
            summary.GetDateTimeOffset("SubmittedAt") ?? DateTimeOffset.MinValue,
            status == UsageReceipt.Applied ? chunks.Max(c => c.GetDateTimeOffset("AppliedAt")) : null,
            errors);
    }

    private async Task EnsureSummaryAsync(string receiptId, CountingMode mode, int rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(receiptId, SummaryRowKey)
                {
                    ["Mode"] = CountingModes.NameOf(mode),
                    ["Source"] = "queue",
                    ["SubmittedAt"] = now,
                    ["Rows"] = rows,
                    ["Chunks"] = 1,
                },
                cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            // The submission created it, or an earlier delivery did.
        }
    }
}
