using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TakeUp.Hosting.LocalRuntime;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.LocalRuntime;

public sealed class TimerSchedulerTests
{
    // 09:59 in London (BST); an hourly timer is next due at 10:00 BST, 09:00 UTC.
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TenBst = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_timer_fires_when_the_clock_reaches_its_schedule_and_not_before()
    {
        var clock = new ManualTimeProvider(Start);
        await using var app = await StartAsync(clock);

        await Eventually.Until(() => clock.PendingTimers > 0, "the scheduler waits for 10:00");
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(app.Probe.TimerRuns);

        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Until(() => app.Probe.TimerRuns.Count == 1, "the timer has fired");

        Assert.Equal(new TimerInfo(IsPastDue: false, Last: null, Next: TenBst), Assert.Single(app.Probe.TimerRuns));
    }

    [Fact]
    public async Task The_next_run_reports_the_previous_one_and_the_status_is_kept_for_restarts()
    {
        var clock = new ManualTimeProvider(Start);
        await using var app = await StartAsync(clock);
        await Eventually.Until(() => clock.PendingTimers > 0, "the scheduler waits for 10:00");
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.Until(() => app.Probe.TimerRuns.Count == 1 && clock.PendingTimers > 0, "the scheduler waits for 11:00");

        var stored = await app.Services.GetRequiredService<IScheduleMonitor>().GetStatusAsync(nameof(RecordTimer), CancellationToken.None);
        Assert.Equal(new ScheduleStatus(TenBst, TenBst.AddHours(1), TenBst), stored);

        clock.Advance(TimeSpan.FromHours(1));
        await Eventually.Until(() => app.Probe.TimerRuns.Count == 2, "the timer has fired again");
        Assert.Equal(new TimerInfo(IsPastDue: false, Last: TenBst, Next: TenBst.AddHours(1)), app.Probe.TimerRuns.Last());
    }

    [Fact]
    public async Task An_occurrence_missed_while_the_app_was_down_fires_once_at_start_as_past_due()
    {
        var clock = new ManualTimeProvider(Start);
        using var dataDirectory = new TempDirectory();
        var missed = new ScheduleStatus(Last: Start.AddDays(-1).AddHours(-1), Next: Start.AddDays(-1), LastUpdated: Start.AddDays(-1).AddHours(-1));
        await FileMonitor(dataDirectory).UpdateStatusAsync(nameof(RecordTimer), missed, CancellationToken.None);

        await using var app = await StartAsync(clock, dataDirectory);
        await Eventually.Until(() => app.Probe.TimerRuns.Count == 1 && clock.PendingTimers > 0, "the late run is done and the scheduler waits");

        Assert.Equal(new TimerInfo(IsPastDue: true, missed.Last, missed.Next), Assert.Single(app.Probe.TimerRuns));

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.Until(() => app.Probe.TimerRuns.Count == 2, "the scheduled run has fired");
        Assert.Equal(new TimerInfo(IsPastDue: false, Last: Start, Next: TenBst), app.Probe.TimerRuns.Last());
    }

    [Fact]
    public async Task A_stored_next_run_still_ahead_does_not_fire_at_start()
    {
        var clock = new ManualTimeProvider(Start);
        using var dataDirectory = new TempDirectory();
        await FileMonitor(dataDirectory).UpdateStatusAsync(nameof(RecordTimer), new ScheduleStatus(null, TenBst, Start.AddMinutes(-5)), CancellationToken.None);

        await using var app = await StartAsync(clock, dataDirectory);
        await Eventually.Until(() => clock.PendingTimers > 0, "the scheduler waits for 10:00");

        Assert.Empty(app.Probe.TimerRuns);
    }

    [Fact]
    public async Task An_invalid_schedule_stops_start_up_naming_the_function_and_the_schedule()
    {
        using var dataDirectory = new TempDirectory();

        var error = Assert.Throws<InvalidOperationException>(() => TestApp.Build(
            app => app.MapTimerFunction<RecordTimer>("0 30 1 * *"), null, null, dataDirectory));

        Assert.Contains("'RecordTimer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'0 30 1 * *'", error.Message, StringComparison.Ordinal);
    }

    private static Task<TestApp> StartAsync(ManualTimeProvider clock, TempDirectory? dataDirectory = null) => TestApp.StartAsync(
        app => app.MapTimerFunction<RecordTimer>("0 0 * * * *"),
        services: services => services.AddSingleton<TimeProvider>(clock),
        dataDirectory: dataDirectory);

    private static FileScheduleMonitor FileMonitor(TempDirectory dataDirectory) => new(
        Options.Create(new LocalRuntimeOptions { DataDirectory = dataDirectory.Path }),
        NullLogger<FileScheduleMonitor>.Instance);
}
