namespace TakeUp.Storage.Tests.Unit;

public sealed class TableFilterTests
{
    [Theory]
    [InlineData("plain", "PartitionKey eq 'plain'")]
    [InlineData("O'Brien", "PartitionKey eq 'O''Brien'")]
    [InlineData("''", "PartitionKey eq ''''''")]
    [InlineData("x' or PartitionKey ne 'x", "PartitionKey eq 'x'' or PartitionKey ne ''x'")]
    [InlineData(" or true", "PartitionKey eq ' or true'")]
    [InlineData("", "PartitionKey eq ''")]
    public void String_values_are_quoted_with_inner_quotes_doubled(string value, string expected)
    {
        Assert.Equal(expected, TableFilter.Create($"PartitionKey eq {value}"));
    }

    [Fact]
    public void Typed_values_become_typed_OData_literals()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        var when = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1)).AddTicks(5);

        var filter = TableFilter.Create(
            $"A eq {42} and B eq {9_000_000_000L} and C eq {2.0} and D eq {0.25} and E eq {true} and F eq {when} and G eq {id} and H eq {new byte[] { 0x0a, 0xff }}");

        Assert.Equal(
            "A eq 42 and B eq 9000000000L and C eq 2.0 and D eq 0.25 and E eq true and F eq datetime'2026-03-29T00:30:00.0000005Z' " +
            "and G eq guid'6f9619ff-8b86-d011-b42d-00cf4fc964ff' and H eq X'0aff'",
            filter);
    }

    [Fact]
    public void Null_is_refused_because_the_service_cannot_compare_with_it()
    {
        string? missing = null;

        var error = Assert.Throws<ArgumentException>(() => TableFilter.Create($"Name eq {missing}"));

        Assert.Contains("null", error.Message);
    }

    [Fact]
    public void Values_of_types_a_table_cannot_hold_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"Amount eq {1.5m}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"Ratio eq {double.NaN}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"When eq {new DateTime(2026, 1, 1)}"));
    }

    [Fact]
    public void Partition_helpers_quote_their_keys()
    {
        Assert.Equal("PartitionKey eq 'svc|20261121'", TableFilter.PartitionKeyEquals("svc|20261121"));
        Assert.Equal("PartitionKey ge 'a''' and PartitionKey le 'b'", TableFilter.PartitionKeyRange("a'", "b"));
    }
}
