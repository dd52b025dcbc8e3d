using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Emulator;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_sent_message_is_received_and_then_deleted()
    {
        await using var queue = await azurite.CreateQueueAsync();

        var sent = await queue.Client.SendMessageAsync("hello");
        var received = Assert.Single((await queue.Client.ReceiveMessagesAsync()).Value);
        await queue.Client.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(sent.Value.MessageId, received.MessageId);
        Assert.Equal("hello", received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.Empty((await queue.Client.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task A_received_message_stays_hidden_for_its_visibility_timeout()
    {
        await using var queue = await azurite.CreateQueueAsync();
        await queue.Client.SendMessageAsync("once");

        var first = await queue.Client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
        var second = await queue.Client.ReceiveMessagesAsync(32);

        Assert.Single(first.Value);
        Assert.Empty(second.Value);
        Assert.True(first.Value[0].NextVisibleOn > first.Value[0].InsertedOn!.Value.AddMinutes(4));
    }

    [Fact]
    public async Task A_message_sent_with_a_visibility_delay_is_not_received_yet()
    {
        await using var queue = await azurite.CreateQueueAsync();

        var sent = await queue.Client.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromMinutes(5));

        Assert.Empty((await queue.Client.ReceiveMessagesAsync()).Value);
        Assert.True(sent.Value.TimeNextVisible > sent.Value.InsertionTime.AddMinutes(4));
    }

    [Fact]
    public async Task Updating_visibility_changes_the_pop_receipt_and_the_old_one_stops_working()
    {
        await using var queue = await azurite.CreateQueueAsync();
        await queue.Client.SendMessageAsync("job");
        var received = Assert.Single((await queue.Client.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value);

        var updated = await queue.Client.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(10));
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.Client.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        await queue.Client.DeleteMessageAsync(received.MessageId, updated.Value.PopReceipt);

        Assert.NotEqual(received.PopReceipt, updated.Value.PopReceipt);
        Assert.True(updated.Value.NextVisibleOn > received.NextVisibleOn);
        Assert.Equal(400, stale.Status);
        Assert.True(stale.ErrorCode == QueueErrorCode.PopReceiptMismatch);
        Assert.Equal(0, (await queue.Client.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task The_dequeue_count_grows_with_each_receive_but_not_with_peeks()
    {
        await using var queue = await azurite.CreateQueueAsync();
        await queue.Client.SendMessageAsync("retry me");

        var first = Assert.Single((await queue.Client.ReceiveMessagesAsync()).Value);
        await queue.Client.UpdateMessageAsync(first.MessageId, first.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var peeked = Assert.Single((await queue.Client.PeekMessagesAsync()).Value);
        var peekedAgain = Assert.Single((await queue.Client.PeekMessagesAsync()).Value);
        var second = Assert.Single((await queue.Client.ReceiveMessagesAsync()).Value);

        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(1, peeked.DequeueCount);
        Assert.Equal(1, peekedAgain.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact]
    public async Task An_update_can_replace_the_message_text()
    {
        await using var queue = await azurite.CreateQueueAsync();
        await queue.Client.SendMessageAsync("draft");
        var received = Assert.Single((await queue.Client.ReceiveMessagesAsync()).Value);

        await queue.Client.UpdateMessageAsync(received.MessageId, received.PopReceipt, "final ✓", TimeSpan.Zero);

        Assert.Equal("final ✓", Assert.Single((await queue.Client.PeekMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task The_approximate_count_follows_sends()
    {
        await using var queue = await azurite.CreateQueueAsync();
        for (var i = 0; i < 3; i++)
        {
            await queue.Client.SendMessageAsync($"m{i}");
        }

        Assert.Equal(3, (await queue.Client.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Unicode_and_JSON_text_round_trip_through_base64()
    {
        await using var queue = await azurite.CreateQueueAsync();
        const string json = "{\"batchId\":\"b-1\",\"name\":\"Ünïcødé ✓ <&> 'q' \\\"dq\\\"\",\"emoji\":\"🚀\"}";
        var raw = new QueueClient(azurite.ConnectionString, queue.Client.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await queue.Client.SendMessageAsync(json);
        var stored = Assert.Single((await raw.PeekMessagesAsync()).Value).MessageText;
        var received = Assert.Single((await queue.Client.ReceiveMessagesAsync()).Value).MessageText;

        Assert.Equal(json, received);
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)), stored);
    }

    [Fact]
    public async Task A_message_written_raw_by_someone_else_is_read_as_its_raw_text()
    {
        await using var queue = await azurite.CreateQueueAsync();
        var raw = new QueueClient(azurite.ConnectionString, queue.Client.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await raw.SendMessageAsync("{\"not\":\"base64\"}");

        Assert.Equal("{\"not\":\"base64\"}", Assert.Single((await queue.Client.ReceiveMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task A_message_over_64_KiB_is_refused_and_one_at_the_limit_is_accepted()
    {
        await using var queue = await azurite.CreateQueueAsync();

        await queue.Client.SendMessageAsync(new string('x', 48 * 1024));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.Client.SendMessageAsync(new string('x', (48 * 1024) + 1)));

        Assert.Equal(48 * 1024, Assert.Single((await queue.Client.ReceiveMessagesAsync()).Value).MessageText.Length);
    }

    [Fact]
    public async Task Creating_a_queue_twice_is_fine_and_deleting_reports_whether_it_existed()
    {
        var queue = new QueueClient(azurite.ConnectionString, UniqueNames.Queue());

        var created = await queue.CreateIfNotExistsAsync();
        var existing = await queue.CreateIfNotExistsAsync();
        var deleted = await queue.DeleteIfExistsAsync();
        var gone = await queue.DeleteIfExistsAsync();

        Assert.Equal(201, created.Status);
        Assert.Equal(204, existing.Status);
        Assert.True(deleted.Value);
        Assert.False(gone.Value);
    }

    [Fact]
    public async Task Using_a_missing_queue_fails_with_QueueNotFound()
    {
        var queue = new QueueClient(azurite.ConnectionString, UniqueNames.Queue());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("lost"));

        Assert.Equal(404, error.Status);
        Assert.True(error.ErrorCode == QueueErrorCode.QueueNotFound);
    }
}
