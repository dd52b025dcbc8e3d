using Microsoft.Extensions.Logging;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.LocalRuntime;

public sealed class QueueListenerTests
{
    [Fact]
    public async Task A_message_that_always_fails_is_delivered_five_times_then_moves_to_the_poison_queue_with_its_original_body()
    {
        const string body = """{"batchId":"b-1","rows":[1,2]}""";
        await using var app = await StartAsync(app => app.MapQueueFunction<AlwaysFails, string>("always-fails"));

        await app.Queues.SendAsync("always-fails", body);
        await Eventually.Until(() => app.Queues["always-fails-poison"].Texts.Count == 1, "the message is poisoned");

        Assert.Equal([body], app.Queues["always-fails-poison"].Texts);
        Assert.Empty(app.Queues["always-fails"].Texts);
        var deliveries = app.Probe.CallsTo(nameof(AlwaysFails));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], deliveries.Select(call => call.Trigger.DequeueCount));
        Assert.All(deliveries, call => Assert.Equal(body, call.Message));
    }

    [Fact]
    public async Task A_message_that_fails_twice_then_succeeds_is_deleted_and_not_poisoned()
    {
        await using var app = await StartAsync(app => app.MapQueueFunction<FailsTwice, string>("flaky"));

        await app.Queues.SendAsync("flaky", "retry me");
        await Eventually.Until(() => app.Queues["flaky"].Texts.Count == 0, "the message is deleted");

        Assert.Equal([1L, 2L, 3L], app.Probe.CallsTo(nameof(FailsTwice)).Select(call => call.Trigger.DequeueCount));
        Assert.Empty(app.Queues["flaky-poison"].Texts);
    }

    [Fact]
    public async Task A_message_handled_successfully_is_deleted_after_one_delivery()
    {
        await using var app = await StartAsync(app => app.MapQueueFunction<RecordBatch, SampleBatch>("batches"));

        await app.Queues.SendAsync("batches", """{"batchId":"b-2","rows":[5]}""");
        await Eventually.Until(() => app.Queues["batches"].Texts.Count == 0, "the message is deleted");

        var call = Assert.Single(app.Probe.CallsTo(nameof(RecordBatch)));
        Assert.Equal("b-2", Assert.IsType<SampleBatch>(call.Message).BatchId);
        Assert.Equal(1, call.Trigger.DequeueCount);
        Assert.Empty(app.Queues["batches-poison"].Texts);
    }

    [Fact]
    public async Task A_listener_creates_its_queue_and_poison_queue()
    {
        await using var app = await StartAsync(app => app.MapQueueFunction<RecordMessage, string>("fresh-queue"));

        await Eventually.Until(
            () => app.Queues["fresh-queue"].Created && app.Queues["fresh-queue-poison"].Created,
            "both queues exist");
    }

    [Fact]
    public async Task The_lease_is_renewed_while_a_slow_function_runs_so_the_message_is_not_delivered_again()
    {
        await using var app = await StartAsync(
            app => app.MapQueueFunction<WaitsForGate, string>("slow"),
            new Dictionary<string, string?> { ["LocalRuntime:MessageLease"] = "00:00:02" });

        await app.Queues.SendAsync("slow", "take your time");
        await Eventually.Until(() => app.Queues["slow"].VisibilityUpdates >= 2, "the lease has been renewed twice");

        // Two renewals outlast one lease; the listener kept polling, yet the message was never
        // visible again, because each renewal came before the lease ran out.
        Assert.Equal(0, app.Queues["slow"].LapsedLeases);
        Assert.True(app.Queues["slow"].ReceiveCalls > 1);
        Assert.Single(app.Probe.CallsTo(nameof(WaitsForGate)));
        app.Probe.Gate.SetResult();

        // The delete needs the pop receipt of the latest renewal.
        await Eventually.Until(() => app.Queues["slow"].Texts.Count == 0, "the message is deleted");
        Assert.Single(app.Probe.CallsTo(nameof(WaitsForGate)));
    }

    [Fact]
    public async Task A_storage_error_while_polling_is_logged_and_polling_goes_on()
    {
        await using var app = await StartAsync(app => app.MapQueueFunction<RecordMessage, string>("unsteady"));
        app.Queues["unsteady"].FailNextReceives(2);
        await app.Queues.SendAsync("unsteady", "after the outage");

        await Eventually.Until(() => app.Queues["unsteady"].Texts.Count == 0, "the message is handled");

        Assert.Equal("after the outage", Assert.Single(app.Probe.CallsTo(nameof(RecordMessage))).Message);
        Assert.Contains(app.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception is IOException);
    }

    [Fact]
    public async Task Messages_of_one_batch_all_reach_the_function()
    {
        await using var app = await StartAsync(app => app.MapQueueFunction<RecordMessage, string>("many"));
        var texts = Enumerable.Range(1, 20).Select(i => $"message {i}").ToArray();
        foreach (var text in texts)
        {
            await app.Queues.SendAsync("many", text);
        }

        await Eventually.Until(() => app.Queues["many"].Texts.Count == 0, "every message is deleted");

        Assert.Equal(texts.Order(), app.Probe.CallsTo(nameof(RecordMessage)).Select(call => (string)call.Message).Order());
    }

    private static Task<TestApp> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplication> map, Dictionary<string, string?>? settings = null) =>
        TestApp.StartAsync(map, settings);
}
