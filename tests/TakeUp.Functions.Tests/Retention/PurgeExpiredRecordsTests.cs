using System.Net;
using Azure.Data.Tables;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Retention;

public class PurgeExpiredRecordsTests
{
    [Fact]
    public async Task The_daily_purge_deletes_only_records_past_their_retention()
    {
        await using var app = await TakeUpApp.StartAsync();
        var now = TestClock.DefaultStart;
        var receipts = app.Table(TableNames.Receipts);
        await receipts.AddEntityAsync(new TableEntity("key:old", "a") { ["StartedAt"] = now.AddDays(-31) });
        await receipts.AddEntityAsync(new TableEntity("key:new", "b") { ["StartedAt"] = now.AddDays(-29) });
        var usageReceipts = app.Table(TableNames.UsageReceipts);
        await usageReceipts.AddEntityAsync(new TableEntity("oldreceipt", "receipt") { ["SubmittedAt"] = now.AddDays(-401) });
        await usageReceipts.AddEntityAsync(new TableEntity("oldreceipt", "chunk|00001") { ["Status"] = "applied" });
        await usageReceipts.AddEntityAsync(new TableEntity("newreceipt", "receipt") { ["SubmittedAt"] = now.AddDays(-10) });
        await usageReceipts.AddEntityAsync(new TableEntity("newreceipt", "chunk|00001") { ["Status"] = "applied" });
        var response = await app.RunFunctionAsync("PurgeExpiredRecords");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await TakeUpApp.EventuallyAsync(
            async () => (await receipts.GetEntityIfExistsAsync<TableEntity>("key:old", "a")).HasValue,
            exists => !exists,
            "the expired idempotency record to be deleted");
        await TakeUpApp.EventuallyAsync(
            async () => (await usageReceipts.GetEntityIfExistsAsync<TableEntity>("oldreceipt", "chunk|00001")).HasValue,
            exists => !exists,
            "the expired usage receipt's chunks to be deleted with it");
        Assert.True((await receipts.GetEntityIfExistsAsync<TableEntity>("key:new", "b")).HasValue);
        Assert.True((await usageReceipts.GetEntityIfExistsAsync<TableEntity>("newreceipt", "receipt")).HasValue);
        Assert.True((await usageReceipts.GetEntityIfExistsAsync<TableEntity>("newreceipt", "chunk|00001")).HasValue);
    }

    [Fact]
    public async Task Four_purges_at_once_all_succeed_and_delete_everything_expired()
    {
        await using var app = await TakeUpApp.StartAsync();
        var now = TestClock.DefaultStart;
        var receipts = app.Table(TableNames.Receipts);
        foreach (var chunk in Enumerable.Range(0, 250).Chunk(100))
        {
            await receipts.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity("key:expired", $"r{i:D3}") { ["StartedAt"] = now.AddDays(-31) })));
        }

        var purge = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<global::TakeUp.Functions.Retention.PurgeExpiredRecords>(app.Services);
        var filter = TableClient.CreateQueryFilter($"StartedAt lt {now.AddDays(-30)}");
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => purge.PurgeAsync(TableNames.Receipts, filter, wholePartition: false, CancellationToken.None))));

        Assert.All(runs, found => Assert.InRange(found, 0, 250));
        Assert.False(await receipts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"key:expired"}")).AnyAsync());
    }
}
