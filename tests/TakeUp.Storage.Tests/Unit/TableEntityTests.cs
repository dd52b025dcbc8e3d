using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Unit;

public sealed class TableEntityTests
{
    [Fact]
    public void Typed_getters_read_their_type_and_give_null_for_missing_properties()
    {
        var entity = new TableEntity("p", "r") { ["Count"] = 3, ["Total"] = 3L, ["Ratio"] = 0.5 };

        Assert.Equal(3, entity.GetInt32("Count"));
        Assert.Equal(3L, entity.GetInt64("Count"));
        Assert.Equal(3.0, entity.GetDouble("Count"));
        Assert.Equal(3L, entity.GetInt64("Total"));
        Assert.Null(entity.GetString("Missing"));
        Assert.Null(entity.GetInt32("Missing"));
        Assert.Null(entity.GetDateTimeOffset("Missing"));
        Assert.Null(entity.GetBinary("Missing"));
        Assert.Null(entity.Timestamp);
        Assert.Equal(default, entity.ETag);
    }

    [Fact]
    public void A_getter_of_the_wrong_type_names_the_property_and_both_types()
    {
        var entity = new TableEntity("p", "r") { ["Name"] = "x" };

        var error = Assert.Throws<InvalidOperationException>(() => entity.GetInt32("Name"));

        Assert.Contains("'Name'", error.Message);
        Assert.Contains("String", error.Message);
        Assert.Contains("Int32", error.Message);
    }

    [Fact]
    public void Values_the_service_cannot_store_are_refused_when_set()
    {
        var entity = new TableEntity("p", "r");

        var error = Assert.Throws<ArgumentException>(() => entity["Amount"] = 1.5m);
        Assert.Contains("'Amount'", error.Message);
        Assert.Throws<ArgumentException>(() => entity.Add("When", new DateTime(2026, 1, 1)));
        Assert.Throws<ArgumentException>(() => entity["odata.etag"] = "x");
        Assert.Throws<ArgumentException>(() => entity["Name@odata.type"] = "Edm.String");
        Assert.Throws<ArgumentException>(() => entity[TableEntity.PartitionKeyName] = 5);
    }

    [Fact]
    public void A_UTC_DateTime_is_stored_as_a_DateTimeOffset_and_BinaryData_reads_as_bytes()
    {
        var entity = new TableEntity("p", "r")
        {
            ["When"] = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc),
            ["Bytes"] = BinaryData.FromBytes([1, 2]),
        };

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), entity.GetDateTimeOffset("When"));
        Assert.Equal(new byte[] { 1, 2 }, entity.GetBinary("Bytes"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    public void Keys_with_characters_the_service_forbids_are_refused(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => new TableEntity(key, "r"));

        Assert.Contains("PartitionKey", error.Message);
    }

    [Fact]
    public void Keys_longer_than_1_KiB_are_refused_and_keys_up_to_it_are_accepted()
    {
        _ = new TableEntity(new string('k', 512), "");

        var error = Assert.Throws<ArgumentException>(() => new TableEntity("p", new string('k', 513)));

        Assert.Contains("513", error.Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1orders")]
    [InlineData("order-lines")]
    [InlineData("orders_2026")]
    public void Invalid_table_names_are_refused_with_the_rule(string name)
    {
        var service = new TableServiceClient(new Uri("https://takeupdev.table.core.windows.net"), new StorageSharedKeyCredential("takeupdev", "a2V5"));

        var error = Assert.Throws<ArgumentException>(() => service.GetTableClient(name));

        Assert.Contains("3 to 63 letters and digits", error.Message);
    }

    [Fact]
    public async Task Entity_reads_and_deletes_are_refused_for_invalid_keys_before_anything_is_sent()
    {
        var wire = new RecordingHandler();
        var table = new TableClient(TestAccount.TableEndpoint, "orders", TestAccount.Credential, TestAccount.TableOptions(wire));

        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync("a/b", "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync("p", "r?", ETag.All));
        Assert.Empty(wire.Requests);
    }
}
