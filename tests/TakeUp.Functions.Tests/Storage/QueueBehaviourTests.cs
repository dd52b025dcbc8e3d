using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Storage;

/// <summary>Queue messages as the Functions host reads and writes them: base64 on the wire.</summary>
public class QueueBehaviourTests
{
    [Fact]
    public async Task A_message_the_app_writes_is_base64_on_the_wire_and_the_queue_trigger_applies_it()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var gds = await app.GdsAsync();
        var text = JsonSerializer.Serialize(new { batchId = "wire-1", mode = "increments", rows = new[] { Row("2026-11-20", "carers-allowance", "online", 7) } });
        var raw = new QueueClient(app.ConnectionString, QueueNames.UsageBatches, new QueueClientOptions(StorageSetup.QueueServiceVersion));

        await app.Queue(QueueNames.UsageBatches).SendMessageAsync(text);

        var onTheWire = (await raw.PeekMessagesAsync(10)).Value;
        if (onTheWire.Length > 0)
        {
            Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), onTheWire[0].Body.ToString());
        }

        Assert.Equal(UsageReceipt.Applied, (await WaitForReceiptAsync(gds, "wire-1")).Status);
        Assert.Equal(7, Count(await TakeUpAsync(gds, "carers-allowance", "2026-11-20", "2026-11-20"), "online"));
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue_as_written_and_the_others_are_still_applied()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var gds = await app.GdsAsync();
        var raw = new QueueClient(app.ConnectionString, QueueNames.UsageBatches, new QueueClientOptions(StorageSetup.QueueServiceVersion));
        await raw.SendMessageAsync("{written without base64}");
        await app.Queue(QueueNames.UsageBatches).SendMessageAsync(JsonSerializer.Serialize(new { batchId = "after-bad-1", mode = "increments", rows = new[] { Row("2026-11-20", "carers-allowance", "online", 3) } }));

        Assert.Equal(UsageReceipt.Applied, (await WaitForReceiptAsync(gds, "after-bad-1")).Status);
        var poisoned = await TakeUpApp.EventuallyAsync(
            async () => (await app.Queue(QueueNames.UsageBatches + "-poison").PeekMessagesAsync(10)).Value.Select(m => m.Body.ToString()).ToList(),
            messages => messages.Count > 0,
            "the undecodable message in the poison queue");
        Assert.Equal("{written without base64}", Assert.Single(poisoned));
    }
}
