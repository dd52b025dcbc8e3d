using Azure.Data.Tables;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Trends;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.TakeUp;

/// <summary>One service's counts for one period, as the nightly computation stored them.</summary>
public sealed record CrossGovRow(Period Period, string Department, string Service, ChannelCounts Counts);

/// <summary>Reads <c>CrossGov</c>: one partition per period holds every service's figures for it.</summary>
public sealed class CrossGovStore(StorageAccount storage)
{
    private const int Parallelism = 8;

    public async Task<IReadOnlyList<CrossGovRow>> ReadAsync(IReadOnlyList<Period> periods, CancellationToken cancellationToken)
    {
        var table = storage.Table(TableNames.CrossGov);
        var rows = new System.Collections.Concurrent.ConcurrentBag<CrossGovRow>();
        await Parallel.ForEachAsync(periods, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (period, ct) =>
        {
            await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TrendKeys.PeriodKey(period)}"), cancellationToken: ct))
            {
                rows.Add(new CrossGovRow(period, e.GetString("Department") ?? "", e.GetString("Service") ?? "", CountProperties.Read(e)));
            }
        });
        return rows.ToList();
    }
}
