using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Emulator;

[Collection(AzuriteCollection.Name)]
public sealed class TableEntityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_property_type_round_trips_with_its_type()
    {
        await using var table = await azurite.CreateTableAsync();
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "Ünïcødé ✓ 'quoted' \"double\"",
            ["Empty"] = "",
            ["Small"] = int.MinValue,
            ["Big"] = long.MaxValue,
            ["Negative"] = long.MinValue,
            ["Whole"] = 2.0,
            ["Fraction"] = 0.1,
            ["Tiny"] = double.Epsilon,
            ["NotANumber"] = double.NaN,
            ["Infinite"] = double.PositiveInfinity,
            ["Flag"] = false,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 127, 128, 255 },
            ["Nothing"] = null,
        };

        await table.Client.AddEntityAsync(entity);
        var read = (await table.Client.GetEntityIfExistsAsync("p", "r")).Value!;

        Assert.Equal("Ünïcødé ✓ 'quoted' \"double\"", read["Text"]);
        Assert.Equal("", read["Empty"]);
        Assert.Equal(int.MinValue, read["Small"]);
        Assert.Equal(long.MaxValue, read["Big"]);
        Assert.Equal(long.MinValue, read["Negative"]);
        Assert.Equal(2.0, read["Whole"]);
        Assert.IsType<double>(read["Whole"]);
        Assert.Equal(0.1, read["Fraction"]);
        Assert.Equal(double.Epsilon, read["Tiny"]);
        Assert.Equal(double.NaN, read.GetDouble("NotANumber"));
        Assert.Equal(double.PositiveInfinity, read.GetDouble("Infinite"));
        Assert.Equal(false, read["Flag"]);
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("When")!.Value.Offset);
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 127, 128, 255 }, read.GetBinary("Bytes"));
        Assert.False(read.ContainsKey("Nothing"));
        Assert.Null(read.GetString("Nothing"));
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task A_missing_entity_is_no_value_and_a_missing_table_is_an_error()
    {
        await using var table = await azurite.CreateTableAsync();
        var missingTable = azurite.TableService().GetTableClient(UniqueNames.Table());

        var missing = await table.Client.GetEntityIfExistsAsync("p", "nobody");
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => missingTable.GetEntityIfExistsAsync("p", "r"));

        Assert.False(missing.HasValue);
        Assert.Equal(404, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.TableNotFound);
    }

    [Fact]
    public async Task Creating_a_table_twice_is_fine_and_deleting_a_missing_one_is_too()
    {
        var service = azurite.TableService();
        var name = UniqueNames.Table();

        var first = await service.CreateTableIfNotExistsAsync(name);
        var second = await service.CreateTableIfNotExistsAsync(name);
        var deleted = await service.DeleteTableAsync(name);
        var again = await service.DeleteTableAsync(name);

        Assert.Equal(204, first.Status);
        Assert.Equal(409, second.Status);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
    }

    [Fact]
    public async Task Adding_an_existing_entity_fails_with_EntityAlreadyExists()
    {
        await using var table = await azurite.CreateTableAsync();
        await table.Client.AddEntityAsync(new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.Client.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.EntityAlreadyExists);
    }

    [Fact]
    public async Task Writes_return_the_new_ETag_and_an_update_under_a_stale_ETag_fails_with_412()
    {
        await using var table = await azurite.CreateTableAsync();
        var added = await table.Client.AddEntityAsync(new TableEntity("p", "r") { ["Count"] = 1 });
        var original = added.Headers.ETag!.Value;

        var updated = await table.Client.UpdateEntityAsync(new TableEntity("p", "r") { ["Count"] = 2 }, original);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.Client.UpdateEntityAsync(new TableEntity("p", "r") { ["Count"] = 3 }, original));

        Assert.NotEqual(original, updated.Headers.ETag);
        Assert.Equal(412, stale.Status);
        Assert.True(stale.ErrorCode == TableErrorCode.UpdateConditionNotSatisfied);
        var stored = (await table.Client.GetEntityIfExistsAsync("p", "r")).Value!;
        Assert.Equal(2, stored.GetInt32("Count"));
        Assert.Equal(updated.Headers.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_delete_under_a_stale_ETag_fails_with_412_and_keeps_the_entity()
    {
        await using var table = await azurite.CreateTableAsync();
        var original = (await table.Client.AddEntityAsync(new TableEntity("p", "r"))).Headers.ETag!.Value;
        await table.Client.UpsertEntityAsync(new TableEntity("p", "r") { ["Changed"] = true });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.Client.DeleteEntityAsync("p", "r", original));

        Assert.Equal(412, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.UpdateConditionNotSatisfied);
        Assert.True((await table.Client.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Fact]
    public async Task Deleting_a_missing_entity_answers_404_without_throwing()
    {
        await using var table = await azurite.CreateTableAsync();

        var response = await table.Client.DeleteEntityAsync("p", "nobody");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task Merge_keeps_unmentioned_properties_and_replace_drops_them()
    {
        await using var table = await azurite.CreateTableAsync();
        await table.Client.AddEntityAsync(new TableEntity("p", "merged") { ["Kept"] = "yes", ["Count"] = 1 });
        await table.Client.AddEntityAsync(new TableEntity("p", "replaced") { ["Kept"] = "yes", ["Count"] = 1 });

        await table.Client.UpsertEntityAsync(new TableEntity("p", "merged") { ["Count"] = 2 });
        await table.Client.UpdateEntityAsync(new TableEntity("p", "replaced") { ["Count"] = 2 }, ETag.All, TableUpdateMode.Replace);

        var merged = (await table.Client.GetEntityIfExistsAsync("p", "merged")).Value!;
        var replaced = (await table.Client.GetEntityIfExistsAsync("p", "replaced")).Value!;
        Assert.Equal("yes", merged.GetString("Kept"));
        Assert.Equal(2, merged.GetInt32("Count"));
        Assert.False(replaced.ContainsKey("Kept"));
        Assert.Equal(2, replaced.GetInt32("Count"));
    }

    [Fact]
    public async Task Updating_a_missing_entity_fails_with_404_while_upserting_creates_it()
    {
        await using var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.Client.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));
        await table.Client.UpsertEntityAsync(new TableEntity("p", "r"), TableUpdateMode.Replace);

        Assert.Equal(404, error.Status);
        Assert.True((await table.Client.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Fact]
    public async Task A_selection_returns_the_chosen_properties_and_the_keys()
    {
        await using var table = await azurite.CreateTableAsync();
        await table.Client.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2, ["C"] = 3 });

        var read = (await table.Client.GetEntityIfExistsAsync("p", "r", select: ["B"])).Value!;

        Assert.Equal("p", read.PartitionKey);
        Assert.Equal("r", read.RowKey);
        Assert.Equal(2, read.GetInt32("B"));
        Assert.False(read.ContainsKey("A"));
        Assert.False(read.ContainsKey("C"));
    }
}
