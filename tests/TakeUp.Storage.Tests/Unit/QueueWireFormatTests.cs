using System.Net;
using System.Text;
using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Unit;

public sealed class QueueWireFormatTests
{
    private const string SendAnswer =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>id-1</MessageId>" +
        "<InsertionTime>Sat, 21 Nov 2026 09:30:15 GMT</InsertionTime><ExpirationTime>Sat, 28 Nov 2026 09:30:15 GMT</ExpirationTime>" +
        "<PopReceipt>AB+c/d==</PopReceipt><TimeNextVisible>Sat, 21 Nov 2026 09:30:45 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>";

    private readonly RecordingHandler _wire = new();

    private QueueClient Queue(QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(TestAccount.QueueUri("usage-batches"), TestAccount.Credential, TestAccount.QueueOptions(_wire, encoding));

    private static string ReceiveAnswer(string storedText) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>id-1</MessageId>" +
        "<InsertionTime>Sat, 21 Nov 2026 09:30:15 GMT</InsertionTime><ExpirationTime>Sat, 28 Nov 2026 09:30:15 GMT</ExpirationTime>" +
        "<PopReceipt>pr</PopReceipt><TimeNextVisible>Sat, 21 Nov 2026 09:31:15 GMT</TimeNextVisible><DequeueCount>3</DequeueCount>" +
        $"<MessageText>{storedText}</MessageText></QueueMessage></QueueMessagesList>";

    [Fact]
    public async Task A_message_is_sent_as_base64_of_its_UTF8_in_the_service_XML()
    {
        _wire.Answer(HttpStatusCode.Created, SendAnswer, "application/xml");

        var receipt = await Queue().SendMessageAsync("{\"text\":\"Ünïcødé ✓\"}", TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

        var wire = _wire.Single;
        Assert.Equal("POST", wire.Method);
        Assert.Equal("/usage-batches/messages", wire.Uri.AbsolutePath);
        Assert.Equal("?visibilitytimeout=30&messagettl=3600", wire.Uri.Query);
        Assert.Equal("2019-02-02", wire.Header("x-ms-version"));
        Assert.Equal("application/xml", wire.Header("Content-Type"));
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"text\":\"Ünïcødé ✓\"}"));
        Assert.Equal($"<QueueMessage><MessageText>{base64}</MessageText></QueueMessage>", wire.BodyText);
        Assert.Equal(new SendReceipt(
            "id-1",
            "AB+c/d==",
            new DateTimeOffset(2026, 11, 21, 9, 30, 15, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 28, 9, 30, 15, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 21, 9, 30, 45, TimeSpan.Zero)), receipt.Value);
    }

    [Fact]
    public async Task Without_encoding_the_text_is_sent_XML_escaped_and_forever_is_minus_one()
    {
        _wire.Answer(HttpStatusCode.Created, SendAnswer, "application/xml");

        await Queue(QueueMessageEncoding.None).SendMessageAsync("a < b & c", timeToLive: QueueClient.NeverExpires);

        Assert.Equal("<QueueMessage><MessageText>a &lt; b &amp; c</MessageText></QueueMessage>", _wire.Single.BodyText);
        Assert.Equal("?messagettl=-1", _wire.Single.Uri.Query);
    }

    [Fact]
    public async Task A_message_over_64_KiB_once_encoded_is_refused_before_anything_is_sent()
    {
        var justFits = new string('x', 48 * 1024);
        var tooBig = new string('x', (48 * 1024) + 1);
        _wire.Answer(HttpStatusCode.Created, SendAnswer, "application/xml");

        await Queue().SendMessageAsync(justFits);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Queue().SendMessageAsync(tooBig));

        Assert.Contains("64 KiB", error.Message);
        Assert.Contains("base64", error.Message);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task Received_text_is_decoded_and_raw_text_written_by_others_is_returned_as_is()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("héllo"));
        _wire.Answer(HttpStatusCode.OK, ReceiveAnswer(encoded), "application/xml")
            .Answer(HttpStatusCode.OK, ReceiveAnswer("plain text, not base64"), "application/xml")
            .Answer(HttpStatusCode.OK, ReceiveAnswer("test"), "application/xml");

        var decoded = (await Queue().ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value.Single();
        var raw = (await Queue().ReceiveMessagesAsync()).Value.Single();
        var base64ButNotUtf8 = (await Queue().ReceiveMessagesAsync()).Value.Single();

        Assert.Equal("héllo", decoded.MessageText);
        Assert.Equal(3, decoded.DequeueCount);
        Assert.Equal("pr", decoded.PopReceipt);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 31, 15, TimeSpan.Zero), decoded.NextVisibleOn);
        Assert.Equal("?numofmessages=32&visibilitytimeout=300", _wire.Requests[0].Uri.Query);
        Assert.Equal("plain text, not base64", raw.MessageText);
        Assert.Equal("test", base64ButNotUtf8.MessageText);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task Receiving_or_peeking_outside_1_to_32_messages_is_refused(int count)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue().ReceiveMessagesAsync(count));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queue().PeekMessagesAsync(count));
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task The_pop_receipt_is_URL_encoded_when_deleting()
    {
        _wire.Answer(HttpStatusCode.NoContent);

        await Queue().DeleteMessageAsync("id-1", "AB+c/d==");

        Assert.Equal("DELETE", _wire.Single.Method);
        Assert.Equal("/usage-batches/messages/id-1", _wire.Single.Uri.AbsolutePath);
        Assert.Equal("?popreceipt=AB%2Bc%2Fd%3D%3D", _wire.Single.Uri.Query);
    }

    [Fact]
    public async Task An_update_returns_the_new_pop_receipt_and_visibility_time_from_the_headers()
    {
        _wire.Answer(HttpStatusCode.NoContent, headers: [("x-ms-popreceipt", "new+pr"), ("x-ms-time-next-visible", "Sat, 21 Nov 2026 09:40:15 GMT")]);

        var receipt = await Queue().UpdateMessageAsync("id-1", "old", "new text", TimeSpan.FromMinutes(10));

        Assert.Equal(new UpdateReceipt("new+pr", new DateTimeOffset(2026, 11, 21, 9, 40, 15, TimeSpan.Zero)), receipt.Value);
        Assert.Equal("PUT", _wire.Single.Method);
        Assert.Equal("?popreceipt=old&visibilitytimeout=600", _wire.Single.Uri.Query);
        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("new text")), _wire.Single.BodyText);
    }

    [Fact]
    public async Task Queue_errors_carry_the_code_from_the_XML_body()
    {
        _wire.Answer(HttpStatusCode.NotFound, "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>QueueNotFound</Code><Message>The specified queue does not exist.</Message></Error>", "application/xml");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Queue().PeekMessagesAsync());

        Assert.Equal(404, error.Status);
        Assert.True(error.ErrorCode == QueueErrorCode.QueueNotFound);
        Assert.Contains("The specified queue does not exist.", error.Message);
    }

    [Fact]
    public async Task The_approximate_count_comes_from_its_header()
    {
        _wire.Answer(HttpStatusCode.OK, headers: [("x-ms-approximate-messages-count", "17")]);

        var properties = await Queue().GetPropertiesAsync();

        Assert.Equal(17, properties.Value.ApproximateMessagesCount);
        Assert.Equal("?comp=metadata", _wire.Single.Uri.Query);
    }

    [Theory]
    [InlineData("Usage")]
    [InlineData("ab")]
    [InlineData("usage--batches")]
    [InlineData("-usage")]
    [InlineData("usage_batches")]
    public void Invalid_queue_names_are_refused_with_the_rule(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new QueueClient("UseDevelopmentStorage=true", name));

        Assert.Contains("lower-case letters, digits and single hyphens", error.Message);
    }

    [Fact]
    public void A_queue_client_takes_its_name_from_the_last_path_segment()
    {
        var queue = new QueueClient(new Uri("http://127.0.0.1:10001/devstoreaccount1/usage-batches-poison/"), TestAccount.Credential);

        Assert.Equal("usage-batches-poison", queue.Name);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1/usage-batches-poison", queue.Uri.AbsoluteUri);
    }
}
