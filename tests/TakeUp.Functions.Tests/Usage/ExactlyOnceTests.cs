using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Usage;

/// <summary>Design invariant 1: every transaction is counted exactly once, whatever the queue and the process do.</summary>
public class ExactlyOnceTests
{
    private static string Message(string batchId, string mode, params object[] rows) =>
        JsonSerializer.Serialize(new { batchId, mode, rows });

    [Fact]
    public async Task The_same_message_delivered_twice_is_counted_once()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.GdsAsync();
        var message = Message("dwp-feed-0001", "increments", Row("2026-11-20", "state-pension-online", "online", 30), Row("2026-11-20", "state-pension-online", "phone", 70));

        await app.Queue(QueueNames.UsageBatches).SendMessageAsync(message);
        await app.Queue(QueueNames.UsageBatches).SendMessageAsync(message);
        await WaitForQueueDrainedAsync(app);

        var report = await TakeUpAsync(client, "state-pension-online", "2026-11-20", "2026-11-20");
        Assert.Equal(30, Count(report, "online"));
        Assert.Equal(70, Count(report, "phone"));
        Assert.Equal("applied", (await WaitForReceiptAsync(client, "dwp-feed-0001")).Status);
    }

    [Fact]
    public async Task A_crash_after_the_table_write_and_before_the_queue_delete_does_not_count_twice()
    {
        var store = new FailsAfterEveryWriteOnce();
        await using var app = await TakeUpApp.StartAsync(services =>
            services.AddSingleton<UsageDailyStore>(sp => store.Attach(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<TimeProvider>())));
        using var client = await app.GdsAsync();

        await app.Queue(QueueNames.UsageBatches).SendMessageAsync(
            Message("hmrc-feed-0001", "increments", Row("2026-11-20", "digital-self-assessment", "online", 12)));
        Assert.Equal("applied", (await WaitForReceiptAsync(client, "hmrc-feed-0001")).Status);

        Assert.True(store.Deliveries >= 2, $"the message should have been delivered again after the failed invocation, saw {store.Deliveries}");
        var report = await TakeUpAsync(client, "digital-self-assessment", "2026-11-20", "2026-11-20");
        Assert.Equal(12, Count(report, "online"));
    }

    [Fact]
    public async Task A_crash_between_two_days_of_one_batch_applies_each_day_once()
    {
        await using var app = await TakeUpApp.StartAsync(services =>
            services.AddSingleton<UsageDailyStore>(sp => new CrashAfterFirstDay(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<TimeProvider>())));
        using var client = await app.GdsAsync();

        await app.Queue(QueueNames.UsageBatches).SendMessageAsync(Message("defra-feed-0001", "increments",
            Row("2026-11-18", "single-payment-scheme", "online", 54), Row("2026-11-19", "single-payment-scheme", "online", 68)));
        await WaitForQueueDrainedAsync(app);

        var report = await TakeUpAsync(client, "single-payment-scheme", "2026-11-18", "2026-11-19");
        Assert.Equal([54L, 68L], report.Periods.Select(p => p.Transactions));
        Assert.Equal(2, (await WaitForReceiptAsync(client, "defra-feed-0001")).Rows);
    }

    [Fact]
    public async Task Batches_racing_for_the_same_day_all_count()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.GdsAsync();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            app.Queue(QueueNames.UsageBatches).SendMessageAsync(Message($"race-{i}", "increments", Row("2026-11-20", "jobseekers-allowance-online", "online", i)))));
        await WaitForQueueDrainedAsync(app);

        var report = await TakeUpAsync(client, "jobseekers-allowance-online", "2026-11-20", "2026-11-20");
        Assert.Equal(Enumerable.Range(1, 20).Sum(), Count(report, "online"));
    }

    [Fact]
    public async Task An_invalid_queue_message_lands_in_the_poison_queue_and_its_receipt_says_why()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.GdsAsync();
        var message = Message("bad-feed-0001", "increments", new { date = "2026-11-20", service = "state-pension-online", channel = "fax", count = 3 });

        await app.Queue(QueueNames.UsageBatches).SendMessageAsync(message);

        var poisoned = await TakeUpApp.EventuallyAsync(
            async () => (await app.Queue(QueueNames.UsageBatches + "-poison").PeekMessagesAsync(1)).Value,
            messages => messages.Length == 1,
            "the message to reach the poison queue");
        Assert.Equal(message, poisoned[0].MessageText);
        var receipt = await WaitForReceiptAsync(client, "bad-feed-0001", UsageReceipt.Failed);
        Assert.Contains(receipt.Errors, e => e.Field == "channel" && e.Reason.Contains("fax"));
        var report = await TakeUpAsync(client, "state-pension-online", "2026-11-20", "2026-11-20");
        Assert.Equal(0, report.Total.Transactions);
    }

    /// <summary>
    /// Stands for a process that dies after its writes and before the host deletes the message: the
    /// first delivery writes the day and then fails, so the host makes the message visible again.
    /// </summary>
    private sealed class FailsAfterEveryWriteOnce
    {
        private int _deliveries;

        public int Deliveries => _deliveries;

        public UsageDailyStore Attach(StorageAccount storage, TimeProvider time) => new Store(storage, time, this);

        private sealed class Store(StorageAccount storage, TimeProvider time, FailsAfterEveryWriteOnce owner) : UsageDailyStore(storage, time)
        {
            public override async Task<bool> ApplyAsync(UsagePartitionUpdate update, CancellationToken cancellationToken)
            {
                var applied = await base.ApplyAsync(update, cancellationToken);
                if (Interlocked.Increment(ref owner._deliveries) == 1)
                {
                    throw new IOException("Simulated crash after the table write, before the queue delete.");
                }

                return applied;
            }
        }
    }

    /// <summary>Stands for a process that dies after writing the first day of a batch.</summary>
    private sealed class CrashAfterFirstDay(StorageAccount storage, TimeProvider time) : UsageDailyStore(storage, time)
    {
        private int _calls;

        public override async Task<bool> ApplyAsync(UsagePartitionUpdate update, CancellationToken cancellationToken)
        {
            var applied = await base.ApplyAsync(update, cancellationToken);
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new IOException("Simulated crash after the first day was written.");
            }

            return applied;
        }
    }
}
