using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Tests.Usage;

public class UsageValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static UsageRowInput Row(int row, string? date = "2026-11-20", string? service = "carers-allowance",
        string? channel = "online", string? assisted = "no", string? count = "10") =>
        new(row, date, service, channel, assisted, count);

    [Fact]
    public void A_valid_submission_gives_every_row_typed()
    {
        var result = UsageValidator.Validate([Row(1), Row(2, channel: "phone", count: "3"), Row(3, assisted: "in-person", count: "2")], Today);

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(new DateOnly(2026, 11, 20), result.Rows[0].Date);
        Assert.Equal(ServiceId.Parse("carers-allowance"), result.Rows[0].Service);
        Assert.Equal(new CountKey(Channel.Phone, AssistedSupport.None), result.Rows[1].Key);
        Assert.Equal(new CountKey(Channel.Online, AssistedSupport.InPerson), result.Rows[2].Key);
        Assert.Equal(2, result.Rows[2].Count);
    }

    [Theory]
    [InlineData("date", "2026-13-01", "not a date")]
    [InlineData("date", "21/11/2026", "not a date")]
    [InlineData("date", "2026-11-22", "in the future")]
    [InlineData("date", "0001-01-01", "outside the dates this service works with (2000-01-01 to 2099-12-31)")]
    [InlineData("date", "1999-12-31", "outside the dates this service works with")]
    [InlineData("date", null, "required")]
    [InlineData("service", "Carers Allowance", "not a service id")]
    [InlineData("channel", "digital", "not a channel")]
    [InlineData("assisted", "maybe", "not an assisted value")]
    [InlineData("count", "-1", "negative")]
    [InlineData("count", "1.5", "not a whole number")]
    [InlineData("count", "ten", "not a whole number")]
    [InlineData("count", "99999999999999999999", "larger than")]
    [InlineData("count", "", "required")]
    public void Each_bad_field_is_named_with_its_reason(string field, string? value, string reason)
    {
        var bad = field switch
        {
            "date" => Row(1, date: value),
            "service" => Row(1, service: value),
            "channel" => Row(1, channel: value),
            "assisted" => Row(1, assisted: value),
            _ => Row(1, count: value),
        };

        var result = UsageValidator.Validate([bad], Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Row);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Assisted_is_refused_on_a_channel_that_is_not_digital()
    {
        var result = UsageValidator.Validate([Row(1, channel: "phone", assisted: "yes")], Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal("assisted", error.Field);
        Assert.Contains("only to digital channels", error.Reason);
    }

    [Fact]
    public void The_same_date_service_channel_and_assisted_value_twice_is_refused()
    {
        var result = UsageValidator.Validate([Row(1), Row(2, count: "5")], Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains("Repeats row 1", error.Reason);
    }

    [Fact]
    public void One_bad_row_refuses_the_whole_batch_and_every_error_is_listed()
    {
        var result = UsageValidator.Validate(
            [Row(1), Row(2, channel: "fax", count: "-4"), Row(3), Row(4, date: "yesterday")], Today);

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(
            [(2, "channel"), (2, "count"), (3, "row"), (4, "date")],
            result.Errors.Select(e => (e.Row, e.Field)).ToArray());
    }

    [Fact]
    public void A_service_outside_the_callers_scope_is_refused_with_the_callers_reason()
    {
        var result = UsageValidator.Validate([Row(1, service: "book-prison-visit")], Today,
            service => service.Value == "book-prison-visit" ? "Not one of your department's services." : null);

        Assert.Equal("Not one of your department's services.", Assert.Single(result.Errors).Reason);
    }

    [Fact]
    public void An_empty_submission_is_refused()
    {
        Assert.False(UsageValidator.Validate([], Today).IsValid);
    }
}
