using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Emulator;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_transaction_whose_action_k_conflicts_names_k_and_writes_nothing()
    {
        await using var table = await azurite.CreateTableAsync();
        await table.Client.AddEntityAsync(new TableEntity("day", "r3") { ["Before"] = true });
        var actions = Enumerable.Range(0, 6)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("day", $"r{i}") { ["FromBatch"] = true }))
            .ToList();

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.Client.SubmitTransactionAsync(actions));

        Assert.Equal(3, error.FailedTransactionActionIndex);
        Assert.Same(actions[3], error.FailedTransactionAction);
        Assert.Equal(409, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.EntityAlreadyExists);
        var stored = await ToListAsync(table.Client.QueryAsync());
        var only = Assert.Single(stored);
        Assert.Equal("r3", only.RowKey);
        Assert.False(only.ContainsKey("FromBatch"));
    }

    [Fact]
    public async Task A_stale_ETag_inside_a_transaction_fails_it_whole_with_412()
    {
        await using var table = await azurite.CreateTableAsync();
        var stale = (await table.Client.AddEntityAsync(new TableEntity("day", "totals") { ["Count"] = 1 })).Headers.ETag!.Value;
        await table.Client.UpsertEntityAsync(new TableEntity("day", "totals") { ["Count"] = 2 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.Client.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("day", "m|batch-1")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("day", "totals") { ["Count"] = 99 }, stale),
        ]));

        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(412, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.UpdateConditionNotSatisfied);
        Assert.False((await table.Client.GetEntityIfExistsAsync("day", "m|batch-1")).HasValue);
        Assert.Equal(2, (await table.Client.GetEntityIfExistsAsync("day", "totals")).Value!.GetInt32("Count"));
    }

    [Fact]
    public async Task Every_action_type_applies_in_one_transaction_and_returns_the_new_ETags()
    {
        await using var table = await azurite.CreateTableAsync();
        var totals = (await table.Client.AddEntityAsync(new TableEntity("day", "totals") { ["Count"] = 1, ["Kept"] = "yes" })).Headers.ETag!.Value;
        await table.Client.AddEntityAsync(new TableEntity("day", "replace-me") { ["Old"] = 1 });
        await table.Client.AddEntityAsync(new TableEntity("day", "delete-me"));
        await table.Client.AddEntityAsync(new TableEntity("day", "merge-me") { ["Old"] = 1 });

        var response = await table.Client.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("day", "m|batch-1")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("day", "totals") { ["Count"] = 2 }, totals),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("day", "replace-me") { ["New"] = 1 }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("day", "merge-me") { ["New"] = 1 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("day", "upserted") { ["New"] = 1 }),
            new(TableTransactionActionType.Delete, new TableEntity("day", "delete-me")),
        ]);

        Assert.Equal(6, response.Value.Count);
        Assert.All(response.Value, r => Assert.Equal(204, r.Status));
        var storedTotals = (await table.Client.GetEntityIfExistsAsync("day", "totals")).Value!;
        Assert.Equal(2, storedTotals.GetInt32("Count"));
        Assert.Equal("yes", storedTotals.GetString("Kept"));
        Assert.Equal(response.Value[1].Headers.ETag, storedTotals.ETag);
        Assert.True((await table.Client.GetEntityIfExistsAsync("day", "m|batch-1")).HasValue);
        Assert.False((await table.Client.GetEntityIfExistsAsync("day", "replace-me")).Value!.ContainsKey("Old"));
        Assert.True((await table.Client.GetEntityIfExistsAsync("day", "merge-me")).Value!.ContainsKey("Old"));
        Assert.True((await table.Client.GetEntityIfExistsAsync("day", "upserted")).HasValue);
        Assert.False((await table.Client.GetEntityIfExistsAsync("day", "delete-me")).HasValue);
    }

    [Fact]
    public async Task A_batch_already_applied_is_recognised_by_its_marker_and_changes_nothing()
    {
        await using var table = await azurite.CreateTableAsync();
        var totals = (await table.Client.AddEntityAsync(new TableEntity("svc|20261121", "totals") { ["Count"] = 0L })).Headers.ETag!.Value;
        List<TableTransactionAction> Apply(ETag etag, long count) =>
        [
            new(TableTransactionActionType.Add, new TableEntity("svc|20261121", "m|batch-1")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("svc|20261121", "totals") { ["Count"] = count }, etag),
        ];

        var applied = await table.Client.SubmitTransactionAsync(Apply(totals, 5));
        var again = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.Client.SubmitTransactionAsync(Apply(applied.Value[1].Headers.ETag!.Value, 10)));

        Assert.Equal(0, again.FailedTransactionActionIndex);
        Assert.True(again.ErrorCode == TableErrorCode.EntityAlreadyExists);
        Assert.Equal(5L, (await table.Client.GetEntityIfExistsAsync("svc|20261121", "totals")).Value!.GetInt64("Count"));
    }

    private static async Task<List<TableEntity>> ToListAsync(AsyncPageable<TableEntity> query)
    {
        var list = new List<TableEntity>();
        await foreach (var entity in query)
        {
            list.Add(entity);
        }

        return list;
    }
}
