using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TakeUp.Functions.Hosting;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Retention;

/// <summary>
/// Timer function, daily at 03:15 London time: deletes operational records past their retention
/// (idempotency answers, usage receipts). Counts, sessions and support requests hold no personal
/// data and are kept (docs/data.md). Safe to run twice: it only deletes what is past its date.
/// </summary>
public sealed class PurgeExpiredRecords(
    StorageAccount storage,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<PurgeExpiredRecords> logger)
{
    /// <summary>03:15 in London: the UTC times that can be 03:15 London on either side of a clock change.</summary>
    public const string UtcSchedule = "0 15 2,3 * * *";
    public const string LondonTime = "0 15 3 * * *";
    private static readonly LondonSchedule London = new(UtcSchedule, LondonTime);

    [Function(nameof(PurgeExpiredRecords))]
    public async Task RunAsync([TimerTrigger(UtcSchedule)] TimerInfo timer, FunctionContext context)
    {
        if (!London.ShouldRun(timer, time.GetUtcNow()))
        {
            Log.NotLondonTime(logger, nameof(PurgeExpiredRecords), time.GetUtcNow(), LondonTime);
            return;
        }

        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        var idempotency = await PurgeAsync(
            TableNames.Receipts, TableClient.CreateQueryFilter($"StartedAt lt {now - options.Value.IdempotencyRecords}"), wholePartition: false, cancellationToken);
        var receipts = await PurgeAsync(
            TableNames.UsageReceipts, TableClient.CreateQueryFilter($"SubmittedAt lt {now - options.Value.UsageReceipts}"), wholePartition: true, cancellationToken);
        Log.RecordsPurged(logger, idempotency, receipts);
    }

    /// <summary>
    /// The host reports its own local time, which is the worker's (UTC on Azure), and
    /// <see cref="DateTime.MinValue"/> before the first run, from which a late run would be checked
    /// against every firing since year 1.
    /// </summary>

    /// <param name="wholePartition">A usage receipt is a partition (summary and chunks): its summary's date decides for all of it.</param>
    internal async Task<int> PurgeAsync(string tableName, string expiredFilter, bool wholePartition, CancellationToken cancellationToken)
    {
        var table = storage.Table(tableName);
        var expired = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(expiredFilter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            expired.Add(entity);
        }

        if (wholePartition)
        {
            var partitions = expired.Select(e => e.PartitionKey).Distinct().ToList();
            expired.Clear();
            foreach (var partition in partitions)
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                {
                    expired.Add(entity);
                }
            }
        }

        foreach (var partition in expired.GroupBy(e => e.PartitionKey))
        {
            foreach (var batch in partition.Chunk(100))
            {
                try
                {
                    await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e)), cancellationToken);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // Another run (a second instance, or a run by hand) deleted some of these first:
                    // delete what is left one at a time, and what is gone already is done.
                    foreach (var entity in batch)
                    {
                        try
                        {
                            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, Azure.ETag.All, cancellationToken);
                        }
                        catch (Azure.RequestFailedException gone) when (gone.Status == 404)
                        {
                        }
                    }
                }
            }
        }

        return expired.Count;
    }
}
