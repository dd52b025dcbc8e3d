using Azure;
using Azure.Data.Tables;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Usage;

/// <summary>A stored day's counts and when they last changed.</summary>
public sealed record StoredDay(DateOnly Date, ChannelCounts Counts, DateTimeOffset UpdatedAt);

/// <summary>The counts of one batch for one service on one day.</summary>
/// <param name="AcceptedAt">When its submission was accepted; null means now (when applied).</param>
/// <param name="Submission">The submission it belongs to (its receipt), which orders submissions accepted in the same instant; null means the batch.</param>
public sealed record UsagePartitionUpdate(
    ServiceId Service,
    DateOnly Date,
    string BatchId,
    CountingMode Mode,
    IReadOnlyList<KeyValuePair<CountKey, long>> Counts,
    string SubmittedBy,
    DateTimeOffset? AcceptedAt = null,
    string? Submission = null)
{
    /// <summary>
    /// Where its submission stands among all others: when it was accepted, then its id. Sorts as text,
    /// so the latest accepted submission has the greatest.
    /// </summary>
    public string OrderAt(DateTimeOffset now) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(AcceptedAt ?? now).UtcTicks:D19}|{Submission ?? BatchId}");
}

/// <summary>
/// Daily counts per service in <c>UsageDaily</c>, applied exactly once (design invariant 1):
/// each batch is written to a day's partition in one entity-group transaction that adds the
/// marker <c>m|{batchId}</c> and replaces the totals row under its ETag. A redelivered batch
/// fails on its marker and changes nothing; a concurrent writer fails on the ETag and is retried.
/// A restatement (totals mode, changing a stored day) also writes its revision, old and new
/// values, in the same transaction, so history and totals never disagree.
/// <para>
/// The latest accepted submission wins (design invariant 6), whatever order the queue delivers
/// batches in: each count a totals batch sets remembers its submission's order
/// (<see cref="UsagePartitionUpdate.OrderAt"/>, property <c>o_…</c> beside <c>c_…</c>), and a totals
/// batch from an earlier submission leaves a count set by a later one as it is. Increments add
/// whenever they arrive.
/// </para>
/// </summary>
public class UsageDailyStore(StorageAccount storage, TimeProvider time)
{
    private const int MaxAttempts = 20;

    private TableClient Table => storage.Table(TableNames.UsageDaily);

    /// <returns>True when the batch was applied now; false when it had been applied already.</returns>
    public virtual async Task<bool> ApplyAsync(UsagePartitionUpdate update, CancellationToken cancellationToken)
    {
        var table = Table;
        var partitionKey = UsageKeys.PartitionKey(update.Service, update.Date);
        // Most days arrive once, so the first try takes the day to be new and reads nothing: one
        // request per new day instead of two. A day already stored fails that try on its totals
        // (409 at action 1, nothing written) and is read from then on.
        var assumeNew = true;
        for (var attempt = 1; ; attempt++)
        {
            var existing = assumeNew
                ? null
                : (await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, UsageKeys.TotalsRowKey, null, cancellationToken)) is { HasValue: true } read ? read.Value : null;
            var stored = existing is not null ? CountProperties.Read(existing) : ChannelCounts.Empty;
            var now = time.GetUtcNow();

            var totals = new TableEntity(partitionKey, UsageKeys.TotalsRowKey)
            {
                ["Service"] = update.Service.Value,
                ["Date"] = update.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Revision"] = (existing?.GetInt64("Revision") ?? 0) + 1,
                ["UpdatedAt"] = now,
                ["LastBatchId"] = update.BatchId,
            };
            var order = update.OrderAt(now);
            var orders = existing is not null ? CountProperties.ReadOrders(existing) : new Dictionary<CountKey, string>();
            var replaces = update.Mode is CountingMode.Totals or CountingMode.Day;
            IReadOnlyList<KeyValuePair<CountKey, long>> counts = update.Counts;
            if (replaces)
            {
                // A count given is taken unless a later submission set it (the same submission's
                // other chunks may set the same day); a count a whole-day report leaves out becomes
                // zero unless any later or equal submission set it.
                var given = update.Counts.Select(c => c.Key).ToHashSet();
                var left = update.Mode == CountingMode.Day
                    ? CountProperties.AllKeys.Where(k => !given.Contains(k)).Select(k => KeyValuePair.Create(k, 0L))
                    : [];
                counts = update.Counts.Where(c => IsAtLeast(c.Key))
                    .Concat(left.Where(c => !orders.TryGetValue(c.Key, out var held) || string.CompareOrdinal(order, held) > 0))
                    .ToList();
            }

            bool IsAtLeast(CountKey key) => !orders.TryGetValue(key, out var held) || string.CompareOrdinal(order, held) >= 0;

            var next = stored.Apply(counts, replaces ? CountingMode.Totals : CountingMode.Increments);
            CountProperties.Write(next, totals);
            if (replaces)
            {
                foreach (var count in counts)
                {
                    orders[count.Key] = order;
                }
            }

            CountProperties.WriteOrders(orders, totals);

            var marker = new TableEntity(partitionKey, UsageKeys.MarkerRowKey(update.BatchId))
            {
                ["AppliedAt"] = now,
                ["Mode"] = CountingModes.NameOf(update.Mode),
                ["Rows"] = update.Counts.Count,
            };

            // The marker goes first: when a batch was already applied, that is the operation that fails.
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, marker),
                existing is not null
                    ? new(TableTransactionActionType.UpdateReplace, totals, existing.ETag)
                    : new(TableTransactionActionType.Add, totals),
            };
            if (existing is not null && replaces && UsageRevisions.Changes(stored, next) is { Count: > 0 } changes)
            {
                actions.Add(new(TableTransactionActionType.Add, UsageRevisions.ToEntity(partitionKey, update, update.AcceptedAt ?? now, now, changes)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
            {
                return false;
            }
            catch (TableTransactionFailedException ex) when (assumeNew && ex.Status == 409 && ex.FailedTransactionActionIndex == 1)
            {
                // The day was stored already: not a lost race, so read it and try again at once.
                assumeNew = false;
            }
            catch (TableTransactionFailedException ex) when (attempt < MaxAttempts && IsLostRace(ex))
            {
                // Another batch changed the day between our read and our write: read again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, cancellationToken);
            }
        }
    }

    /// <summary>Each day in the range that has counts, with when it last changed, in date order.</summary>
    public async Task<IReadOnlyList<StoredDay>> ReadDaysAsync(ServiceId service, DateRange range, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {UsageKeys.PartitionKey(service, range.From)} and PartitionKey le {UsageKeys.PartitionKey(service, range.To)} and RowKey eq {UsageKeys.TotalsRowKey}");
        var days = new List<StoredDay>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days.Add(new StoredDay(UsageKeys.DateOf(entity.PartitionKey), CountProperties.Read(entity), entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue));
        }

        return days;
    }

    /// <summary>Each day in the range that has counts, in date order.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, ChannelCounts>> ReadAsync(ServiceId service, DateRange range, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {UsageKeys.PartitionKey(service, range.From)} and PartitionKey le {UsageKeys.PartitionKey(service, range.To)} and RowKey eq {UsageKeys.TotalsRowKey}");
        var days = new SortedDictionary<DateOnly, ChannelCounts>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days[UsageKeys.DateOf(entity.PartitionKey)] = CountProperties.Read(entity);
        }

        return days;
    }

    /// <summary>Restatements of the service's days in the range, newest first within each day.</summary>
    public async Task<IReadOnlyList<UsageRevision>> ReadRevisionsAsync(ServiceId service, DateRange range, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {UsageKeys.PartitionKey(service, range.From)} and PartitionKey le {UsageKeys.PartitionKey(service, range.To)} and RowKey ge {UsageRevisions.RowKeyPrefix} and RowKey lt {UsageRevisions.RowKeyEnd}");
        var revisions = new List<UsageRevision>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            revisions.Add(UsageRevisions.FromEntity(entity));
        }

        return revisions;
    }

    private static bool IsLostRace(TableTransactionFailedException ex) =>
        ex.Status == 412 || (ex.Status == 409 && ex.FailedTransactionActionIndex == 1);
}
