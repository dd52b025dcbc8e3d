using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TakeUp.LocalHost.Tests.Support;

namespace TakeUp.LocalHost.Tests.Timers;

[Collection(LocalHostCollection.Name)]
public sealed class TimerTriggerTests(AzuriteFixture storage)
{
    private static readonly Dictionary<string, string> Hourly = new() { ["SampleTimerSchedule"] = "0 0 * * * *" };

    [Fact]
    public async Task A_timer_fires_at_its_occurrence_in_utc_with_its_schedule_status()
    {
        var time = new FakeTimeProvider(At("2026-03-29T00:58:30Z"));
        using var app = TestApp.Create();
        var (host, worker) = await TestHosts.StartInProcessAsync(app, storage, time, Hourly);
        await using var running = host;

        // Nothing yet at 00:59:30; then the clock moves on in small steps, so the listener's wait is
        // always set before the time it waits for passes.
        await AdvanceUntilAsync(time, () => time.GetUtcNow() >= At("2026-03-29T00:59:30Z"));
        Assert.Empty(worker.Recorder.Records);
        await AdvanceUntilAsync(time, () => !worker.Recorder.Records.IsEmpty);

        var fired = worker.Recorder.Records.Single();
        Assert.Equal("False", fired.Details["IsPastDue"]);
        Assert.Equal(At("2026-03-29T02:00:00Z"), DateTimeOffset.Parse(fired.Details["Next"], CultureInfo.InvariantCulture));
        Assert.InRange(time.GetUtcNow(), At("2026-03-29T01:00:00Z"), At("2026-03-29T01:01:00Z"));
    }

    [Fact]
    public async Task An_occurrence_missed_while_the_host_was_down_runs_once_late_with_IsPastDue()
    {
        var time = new FakeTimeProvider(At("2026-10-25T00:30:00Z"));
        using var app = TestApp.Create();
        var monitorFile = Path.Combine(app.DataDirectory, "timers", "Tick.json");
        var (first, _) = await TestHosts.StartInProcessAsync(app, storage, time, Hourly);
        await using (first)
        {
            await Wait.UntilAsync(() => File.Exists(monitorFile), "the schedule monitor to record the next occurrence (01:00)");
        }

        // Down over 01:00, 02:00 and 03:00; back at 03:20.
        time.SetUtcNow(At("2026-10-25T03:20:00Z"));
        var (second, worker) = await TestHosts.StartInProcessAsync(app, storage, time, Hourly);
        await using var running = second;
        await Wait.UntilAsync(() => !worker.Recorder.Records.IsEmpty, "the missed occurrence to run");
        await AdvanceUntilAsync(time, () => worker.Recorder.Records.Count >= 2, step: TimeSpan.FromSeconds(10));

        var records = worker.Recorder.Records.ToArray();
        Assert.Equal(["True", "False"], records.Select(r => r.Details["IsPastDue"]));
        Assert.InRange(time.GetUtcNow(), At("2026-10-25T04:00:00Z"), At("2026-10-25T04:01:00Z"));
        Assert.Equal(At("2026-10-25T05:00:00Z"), DateTimeOffset.Parse(records[1].Details["Next"], CultureInfo.InvariantCulture));
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    /// <summary>Moves the fake clock on a step (a second unless told) at a time until the condition holds (bounded by real time).</summary>
    private static Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan? step = null) =>
        Wait.UntilAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            time.Advance(step ?? TimeSpan.FromSeconds(1));
            return false;
        }, "the fake clock to reach the expected moment", TimeSpan.FromSeconds(60));
}
