using Azure.Data.Tables;
using TakeUp.Domain.Services;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Trends;

/// <summary>When a service's usage last arrived, and when its trend was last computed.</summary>
public sealed record UsageActivity(DateTimeOffset? LastArrivedAt, DateTimeOffset? LastComputedAt)
{
    public bool HasNewData => LastArrivedAt is { } arrived && (LastComputedAt is not { } computed || arrived > computed);
}

/// <summary>
/// One row per service in <c>Trends</c> (<c>{serviceId}</c> / <c>activity</c>): the nightly schedule
/// reads it to find services with new data, and the freshness check to find late feeds.
/// </summary>
public sealed class UsageActivityStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(TableNames.Trends);

    public Task RecordArrivalAsync(ServiceId service, DateTimeOffset at, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(service.Value, TrendKeys.ActivityRowKey) { ["LastArrivedAt"] = at }, TableUpdateMode.Merge, cancellationToken);

    public Task RecordComputedAsync(ServiceId service, DateTimeOffset at, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(service.Value, TrendKeys.ActivityRowKey) { ["LastComputedAt"] = at }, TableUpdateMode.Merge, cancellationToken);

    public async Task<UsageActivity> GetAsync(ServiceId service, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(service.Value, TrendKeys.ActivityRowKey, null, cancellationToken);
        return row.HasValue
            ? new UsageActivity(row.Value!.GetDateTimeOffset("LastArrivedAt"), row.Value.GetDateTimeOffset("LastComputedAt"))
            : new UsageActivity(null, null);
    }

    /// <summary>Every service's activity in one scan: the nightly and hourly timers read them all.</summary>
    public async Task<IReadOnlyDictionary<ServiceId, UsageActivity>> GetAllAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<ServiceId, UsageActivity>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {TrendKeys.ActivityRowKey}"), cancellationToken: cancellationToken))
        {
            if (ServiceId.TryParse(e.PartitionKey, out var service))
            {
                all[service] = new UsageActivity(e.GetDateTimeOffset("LastArrivedAt"), e.GetDateTimeOffset("LastComputedAt"));
            }
        }

        return all;
    }
}
