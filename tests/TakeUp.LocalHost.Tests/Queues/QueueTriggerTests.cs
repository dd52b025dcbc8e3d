using Azure.Storage.Queues;
using TakeUp.LocalHost.Tests.Support;

namespace TakeUp.LocalHost.Tests.Queues;

[Collection(LocalHostCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture storage)
{
    [Fact]
    public async Task A_message_arrives_as_its_text_with_the_hosts_trigger_metadata()
    {
        var queueName = AzuriteFixture.UniqueQueueName("deliver");
        using var app = TestApp.Create();
        var (host, worker) = await TestHosts.StartInProcessAsync(app, storage, settings: new Dictionary<string, string> { ["SampleQueueName"] = queueName });
        await using var running = host;
        var queue = storage.Queue(queueName);
        await queue.CreateIfNotExistsAsync();

        var sent = await queue.SendMessageAsync("hello, queue");
        await Wait.UntilAsync(() => worker.Recorder.Records.Any(), "the message to be processed");

        var record = worker.Recorder.Records.Single();
        Assert.Equal("hello, queue", record.Input);
        Assert.Equal(sent.Value.MessageId, record.Details["Id"]);
        Assert.Equal("1", record.Details["DequeueCount"]);
        Assert.False(string.IsNullOrEmpty(record.Details["PopReceipt"]));
        await Wait.UntilAsync(() => (queue.PeekMessagesAsync().GetAwaiter().GetResult().Value.Length == 0), "the processed message to be deleted");
    }

    [Fact]
    public async Task Every_message_of_a_batch_is_processed()
    {
        var queueName = AzuriteFixture.UniqueQueueName("batch");
        using var app = TestApp.Create();
        var (host, worker) = await TestHosts.StartInProcessAsync(app, storage, settings: new Dictionary<string, string> { ["SampleQueueName"] = queueName });
        await using var running = host;
        var queue = storage.Queue(queueName);
        await queue.CreateIfNotExistsAsync();

        foreach (var i in Enumerable.Range(1, 10))
        {
            await queue.SendMessageAsync($"item {i}");
        }

        await Wait.UntilAsync(() => worker.Recorder.Records.Count >= 10, "ten messages");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"item {i}").Order(), worker.Recorder.Records.Select(r => r.Input).Order());
    }

    [Fact]
    public async Task A_failing_message_is_retried_then_moved_to_the_poison_queue_with_its_original_text()
    {
        // The sample's host.json: maxDequeueCount 3, visibilityTimeout 1 s.
        var queueName = AzuriteFixture.UniqueQueueName("poison");
        using var app = TestApp.Create();
        var (host, worker) = await TestHosts.StartInProcessAsync(app, storage, settings: new Dictionary<string, string> { ["SampleQueueName"] = queueName });
        await using var running = host;
        var queue = storage.Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        var poison = storage.Queue(queueName + "-poison");
        var poisonRaw = storage.Queue(queueName + "-poison", QueueMessageEncoding.None);

        await queue.SendMessageAsync("fail: é and a comma,");
        var poisoned = await Wait.UntilAsync(async () =>
        {
            if (!(await poison.ExistsAsync()).Value)
            {
                return null;
            }

            var messages = (await poison.PeekMessagesAsync()).Value;
            return messages.Length > 0 ? messages : null;
        }, "the poison queue to receive the message");
        var raw = (await poisonRaw.PeekMessagesAsync()).Value.Single();

        Assert.Equal(["1", "2", "3"], worker.Recorder.Records.Select(r => r.Details["DequeueCount"]));
        Assert.Equal("fail: é and a comma,", poisoned.Single().Body.ToString());
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("fail: é and a comma,")), raw.Body.ToString());
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }
}
