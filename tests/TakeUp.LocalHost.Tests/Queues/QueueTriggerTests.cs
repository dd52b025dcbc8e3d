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

    [Fact]
    public async Task A_new_batch_is_fetched_only_once_no_more_than_newBatchThreshold_messages_are_running()
    {
        var queueName = AzuriteFixture.UniqueQueueName("threshold");
        using var app = TestApp.Create(hostJson =>
        {
            var queues = hostJson["extensions"]!["queues"]!;
            queues["batchSize"] = 4;
            queues["newBatchThreshold"] = 1;
        });

        // All ten are waiting before the host starts, so its first receive takes a whole batch.
        var queue = storage.Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        foreach (var i in Enumerable.Range(1, 10))
        {
            await queue.SendMessageAsync($"hold {i}");
        }

        var (host, worker) = await TestHosts.StartInProcessAsync(app, storage, settings: new Dictionary<string, string> { ["SampleQueueName"] = queueName });
        await using var running = host;
        await Wait.UntilAsync(() => worker.Held.Running == 4, "the first batch of four to be running");
        worker.Held.Release(2);
        await Wait.UntilAsync(() => worker.Held.Running == 2, "two of the first batch to finish");

        // Two still running is above the threshold of one: nothing more may be fetched. A negative can
        // only be watched for a while; the listener loops in milliseconds, so a second is plenty.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(4, worker.Recorder.Records.Count);

        worker.Held.Release(1);
        await Wait.UntilAsync(() => worker.Held.Running == 5, "a new batch of four beside the one still running");
        worker.Held.Release(100);
        await Wait.UntilAsync(() => worker.Recorder.Records.Count == 10 && worker.Held.Running == 0, "every message to run");
        await Wait.UntilAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? new object() : null, "every message to be deleted");

        Assert.Equal(5, worker.Held.MostRunning);
        Assert.All(worker.Recorder.Records, r => Assert.Equal("1", r.Details["DequeueCount"]));
    }

    [Fact]
    public async Task A_message_running_longer_than_its_lease_is_kept_invisible_and_deleted_when_done()
    {
        var queueName = AzuriteFixture.UniqueQueueName("lease");
        using var app = TestApp.Create();
        var (host, worker) = await TestHosts.StartInProcessAsync(
            app,
            storage,
            settings: new Dictionary<string, string> { ["SampleQueueName"] = queueName },
            configure: options => options.QueueMessageLease = TimeSpan.FromSeconds(4));
        await using var running = host;
        var queue = storage.Queue(queueName);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hold past the lease");
        await Wait.UntilAsync(() => worker.Held.Running == 1, "the message to be running");

        // Over two leases: without renewal it would be visible, and delivered again, after four
        // seconds. (Renewed every two, it has two seconds to spare for a slow emulator.)
        await Task.Delay(TimeSpan.FromSeconds(9));
        var visibleWhileRunning = (await queue.PeekMessagesAsync()).Value;
        worker.Held.Release(1);
        await Wait.UntilAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? new object() : null, "the message to be deleted with its renewed pop receipt");

        Assert.Empty(visibleWhileRunning);
        Assert.Equal("1", Assert.Single(worker.Recorder.Records).Details["DequeueCount"]);
    }
}
