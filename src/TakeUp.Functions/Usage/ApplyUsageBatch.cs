using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Hosting;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Telemetry;
using TakeUp.Functions.Trends;

namespace TakeUp.Functions.Usage;

/// <summary>
/// Queue function: applies one usage batch to <c>UsageDaily</c>, one (service, day) partition at a
/// time, each exactly once. Safe to run again after a crash at any point: partitions already
/// applied are skipped on their marker.
/// </summary>
public sealed class ApplyUsageBatch(
    UsageDailyStore usage,
    UsageReceiptStore receipts,
    ServiceCatalog catalog,
    UsageActivityStore activity,
    TimeProvider time,
    ILogger<ApplyUsageBatch> logger)
{
    [Function(nameof(ApplyUsageBatch))]
    public Task RunAsync([QueueTrigger(QueueNames.UsageBatches, Connection = StorageConnection.Setting)] UsageBatchMessage message, FunctionContext context) =>
        RunAsync(message, QueueDelivery.From(context), context.CancellationToken);

    // Internal, not public: the worker finds a function's method by name alone, so a second public
    // RunAsync would make it ambiguous. The tests reach this one through InternalsVisibleTo.
    internal async Task RunAsync(UsageBatchMessage message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        using var trace = TakeUpTelemetry.ContinueFrom(message.TraceParent, "apply usage batch");
        trace?.SetTag("takeup.batch_id", message.BatchId);
        if (!UsageKeys.IsValidBatchId(message.BatchId))
        {
            throw new InvalidUsageBatchException(message.BatchId, [new InputError(0, "batchId", UsageKeys.BatchIdRule)]);
        }

        var batchId = message.BatchId!;
        var receiptId = message.ReceiptId ?? batchId;
        var chunk = message.Chunk ?? 1;
        if (!CountingModes.TryParse(message.Mode, CountingMode.Increments, out var mode))
        {
            throw await RecordRefusal([new InputError(0, "mode", CountingModes.UnknownReason(message.Mode))], CountingMode.Increments);
        }

        var rows = message.Rows ?? [];
        var services = await catalog.GetAllAsync(cancellationToken);
        var validation = UsageValidator.Validate(
            rows.Select((row, i) => row.ToInput(i + 1)).ToList(),
            UkTime.DateOf(time.GetUtcNow()),
            service => services.ContainsKey(service) ? null : $"'{service}' is not in the services catalogue.");
        if (!validation.IsValid)
        {
            throw await RecordRefusal(validation.Errors, mode);
        }

        var applied = 0;
        foreach (var day in validation.Rows.GroupBy(r => (r.Service, r.Date)))
        {
            var update = new UsagePartitionUpdate(day.Key.Service, day.Key.Date, batchId, mode,
                day.Select(r => new KeyValuePair<CountKey, long>(r.Key, r.Count)).ToList(),
                message.SubmittedBy ?? "queue",
                message.AcceptedAt ?? delivery.InsertedAt,
                receiptId);
            if (await usage.ApplyAsync(update, cancellationToken))
            {
                applied++;
            }
        }

        // After the counts: a crash before this line redelivers the message, which records it then.
        foreach (var service in validation.Rows.Select(r => r.Service).Distinct())
        {
            await activity.RecordArrivalAsync(service, time.GetUtcNow(), cancellationToken);
        }

        await receipts.MarkAppliedAsync(receiptId, chunk, mode, validation.Rows.Count, cancellationToken);
        TakeUpTelemetry.RowsApplied.Add(validation.Rows.Count);
        Log.UsageBatchApplied(logger, batchId, validation.Rows.Count, applied, delivery.DequeueCount);

        // The reason is kept on the receipt, where the producer can read it, before the queue poisons the message.
        async Task<InvalidUsageBatchException> RecordRefusal(IReadOnlyList<InputError> errors, CountingMode recordedMode)
        {
            await receipts.MarkFailedAsync(receiptId, chunk, recordedMode, errors, cancellationToken);
            TakeUpTelemetry.BatchesRefused.Add(1, new KeyValuePair<string, object?>("takeup.source", "queue"));
            return new InvalidUsageBatchException(batchId, errors);
        }
    }
}
