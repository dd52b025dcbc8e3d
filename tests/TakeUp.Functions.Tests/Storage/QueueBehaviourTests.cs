using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Hosting;

namespace TakeUp.Functions.Tests.Storage;

/// <summary>Queue messages as the Functions host reads and writes them: base64 on the wire.</summary>
public class QueueBehaviourTests
{
    [Fact]
    public async Task A_message_the_app_writes_is_base64_on_the_wire_and_read_back_as_written_by_the_trigger_path()
    {
        await using var app = await TakeUpApp.StartAsync();
        var name = "probe-" + Guid.NewGuid().ToString("N")[..8];
        var queue = app.Queue(name);
        await queue.CreateIfNotExistsAsync();
        const string text = "{\"batchId\":\"é-✓-日本\",\"rows\":[]}";

        await queue.SendMessageAsync(text);

        var raw = new QueueClient(app.ConnectionString, queue.Name, new QueueClientOptions(StorageSetup.QueueServiceVersion));
        var onTheWire = Assert.Single((await raw.PeekMessagesAsync(10)).Value);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), onTheWire.Body.ToString());

        var trigger = app.Services.GetRequiredService<ITriggerQueueProvider>().GetQueue(name);
        var received = Assert.Single(await trigger.ReceiveAsync(16, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(text, received.Text);
        Assert.Equal(1, received.DequeueCount);
        await queue.DeleteAsync();
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue_as_written_and_the_others_are_still_read()
    {
        await using var app = await TakeUpApp.StartAsync();
        var name = "probe-" + Guid.NewGuid().ToString("N")[..8];
        var queue = app.Queue(name);
        await queue.CreateIfNotExistsAsync();
        var raw = new QueueClient(app.ConnectionString, queue.Name, new QueueClientOptions(StorageSetup.QueueServiceVersion));
        await raw.SendMessageAsync("{written without base64}");
        await queue.SendMessageAsync("a good message");

        var trigger = app.Services.GetRequiredService<ITriggerQueueProvider>().GetQueue(name);
        var received = await trigger.ReceiveAsync(16, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal("a good message", Assert.Single(received).Text);
        var poisoned = Assert.Single((await app.Queue(name + "-poison").PeekMessagesAsync(10)).Value);
        Assert.Equal("{written without base64}", poisoned.Body.ToString());
        Assert.Empty((await raw.PeekMessagesAsync(10)).Value);
        await queue.DeleteAsync();
        await app.Queue(name + "-poison").DeleteAsync();
    }
}
