using System.Text;
using System.Text.Json;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Usage;

/// <summary>
/// Turns a validated submission into a receipt and queued batches. A submission larger than one
/// queue message is split into chunks, each its own batch, all under one receipt.
/// </summary>
public sealed class UsageIntake(StorageAccount storage, UsageReceiptStore receipts, TimeProvider time)
{
    /// <summary>Rows JSON per message, leaving room for base64 (4/3) inside the queue's 64 KiB.</summary>
    internal const int MaxMessageJsonBytes = 45_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="receiptId">
    /// Derived from the request's Idempotency-Key when it has one: a retry after a failure part way
    /// through queuing then queues the same batch ids again, which the markers make harmless.
    /// </param>
    public async Task AcceptAsync(string receiptId, IReadOnlyList<UsageRow> rows, CountingMode mode, string submittedBy, CancellationToken cancellationToken)
    {
        var chunks = Chunk(rows);

        // One instant for the whole submission: its chunks restate together, after every submission accepted before it.
        var acceptedAt = time.GetUtcNow();
        await receipts.CreateAsync(receiptId, mode, "http", submittedBy, chunks.Select(c => c.Count).ToList(), cancellationToken);

        var queue = storage.Queue(QueueNames.UsageBatches);
        for (var i = 0; i < chunks.Count; i++)
        {
            var message = new UsageBatchMessage
            {
                BatchId = $"{receiptId}-{i + 1}",
                ReceiptId = receiptId,
                Chunk = i + 1,
                Mode = CountingModes.NameOf(mode),
                SubmittedBy = submittedBy,
                AcceptedAt = acceptedAt,
                Rows = chunks[i],
                TraceParent = Telemetry.TakeUpTelemetry.CurrentTraceParent(),
            };
            await queue.SendMessageAsync(JsonSerializer.Serialize(message, Json), null, null, cancellationToken);
        }
    }

    /// <summary>Keeps a day's rows together where it can, so most days are written by one batch.</summary>
    internal static List<List<UsageRowDocument>> Chunk(IReadOnlyList<UsageRow> rows)
    {
        var chunks = new List<List<UsageRowDocument>>();
        var current = new List<UsageRowDocument>();
        var size = 0;
        foreach (var row in rows.OrderBy(r => r.Service.Value, StringComparer.Ordinal).ThenBy(r => r.Date))
        {
            var document = UsageRowDocument.From(row);
            var rowSize = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(document, Json)) + 1;
            if (current.Count > 0 && size + rowSize > MaxMessageJsonBytes)
            {
                chunks.Add(current);
                current = [];
                size = 0;
            }

            current.Add(document);
            size += rowSize;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }
}
