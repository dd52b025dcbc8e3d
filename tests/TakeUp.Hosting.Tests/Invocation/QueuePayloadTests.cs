using System.Text;
using TakeUp.Hosting.Invocation;

namespace TakeUp.Hosting.Tests.Invocation;

public sealed class QueuePayloadTests
{
    [Theory]
    [InlineData("""{"Data":{"msg":"hello"},"Metadata":{}}""", "hello")]
    [InlineData("""{"Data":{"msg":"\"hello\""},"Metadata":{}}""", "hello")]
    [InlineData("""{"Data":{"msg":"{\"a\":1}"},"Metadata":{}}""", """{"a":1}""")]
    [InlineData("""{"Data":{"msg":"\"{\\\"a\\\":1}\""},"Metadata":{}}""", """{"a":1}""")]
    [InlineData("""{"Data":{"msg":{"a":1,"b":[true,null]}},"Metadata":{}}""", """{"a":1,"b":[true,null]}""")]
    [InlineData("""{"Data":{"msg":[1,2]},"Metadata":{}}""", "[1,2]")]
    public void The_message_text_is_read_from_every_shape_the_host_may_send(string body, string expectedText)
    {
        var payload = QueueTriggerPayload.Read(Parse(body));

        Assert.Equal(expectedText, payload.MessageText);
    }

    [Fact]
    public void A_queue_binding_named_differently_is_still_read_when_it_is_the_only_one()
    {
        var payload = QueueTriggerPayload.Read(Parse("""{"Data":{"myQueueItem":"\"hello\""},"Metadata":{}}"""));

        Assert.Equal("hello", payload.MessageText);
    }

    [Fact]
    public void Several_bindings_without_msg_are_refused_with_their_names()
    {
        var error = Assert.Throws<InvocationPayloadException>(
            () => QueueTriggerPayload.Read(Parse("""{"Data":{"a":"1","b":"2"},"Metadata":{}}""")));

        Assert.Contains("Data.msg", error.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_sent_as_strings_the_way_the_host_serializes_them_is_read()
    {
        var payload = QueueTriggerPayload.Read(Parse("""
            {"Data":{"msg":"\"x\""},
             "Metadata":{"DequeueCount":"3","Id":"\"m-1\"","PopReceipt":"\"pr-9\"",
                         "InsertionTime":"2025-03-30T00:30:00+00:00","ExpirationTime":"2025-04-06T00:30:00+00:00",
                         "NextVisibleTime":"2025-03-30T00:40:00+00:00",
                         "sys":{"MethodName":"ApplyUsageBatch","UtcNow":"2025-03-30T00:31:00Z"}}}
            """));

        Assert.Equal(
            new QueueTriggerInfo(
                "m-1",
                3,
                new DateTimeOffset(2025, 3, 30, 0, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 4, 6, 0, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 3, 30, 0, 40, 0, TimeSpan.Zero),
                "pr-9"),
            payload.Trigger);
    }

    [Fact]
    public void Metadata_sent_as_numbers_and_plain_strings_is_read()
    {
        var payload = QueueTriggerPayload.Read(Parse("""
            {"Data":{"msg":"x"},"Metadata":{"dequeueCount":2,"id":"m-2","popReceipt":"pr","insertionTime":"2025-10-26T01:30:00Z"}}
            """));

        Assert.Equal("m-2", payload.Trigger.MessageId);
        Assert.Equal(2, payload.Trigger.DequeueCount);
        Assert.Equal("pr", payload.Trigger.PopReceipt);
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 1, 30, 0, TimeSpan.Zero), payload.Trigger.InsertedOn);
    }

    [Fact]
    public void Missing_metadata_is_tolerated_as_a_first_delivery_without_an_id()
    {
        var payload = QueueTriggerPayload.Read(Parse("""{"Data":{"msg":"x"}}"""));

        Assert.Equal(new QueueTriggerInfo(string.Empty, 1, null, null, null, null), payload.Trigger);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("\"already quoted\"")]
    [InlineData("""{"batchId":"b-1","rows":[1,2]}""")]
    [InlineData("")]
    public void A_message_the_local_runtime_encodes_as_the_host_does_reads_back_unchanged(string text)
    {
        var message = new TriggerMessage("id-1", "receipt", text, 4, DateTimeOffset.UnixEpoch, null, null);

        var payload = QueueTriggerPayload.Read(InvocationRequest.ForQueueMessage(message));

        Assert.Equal(text, payload.MessageText);
        Assert.Equal(new QueueTriggerInfo("id-1", 4, DateTimeOffset.UnixEpoch, null, null, "receipt"), payload.Trigger);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public void A_body_that_is_not_a_json_object_is_refused(string body)
    {
        Assert.Throws<FormatException>(() => Parse(body));
    }

    private static InvocationRequest Parse(string json) => InvocationRequest.Parse(Encoding.UTF8.GetBytes(json));
}
