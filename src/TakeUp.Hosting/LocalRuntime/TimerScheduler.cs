using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// Fires one timer function at each occurrence of its schedule, waiting on the injected clock,
/// and keeps its status in the schedule monitor so a run missed while the app was down happens
/// once, late, when it starts again (with <see cref="TimerInfo.IsPastDue"/> set).
/// </summary>
/// <remarks>
/// Runs of one timer never overlap: the next occurrence is chosen after a run ends, so one that
/// passes during a long run is skipped, as in the Functions host. Unlike the host, the status is
/// saved before the first run too, so a first occurrence missed while the app was down still
/// runs late on the next start.
/// </remarks>
internal sealed class TimerScheduler(
    string functionName,
    LondonSchedule schedule,
    IScheduleMonitor monitor,
    IFunctionInvoker invoker,
    TimeProvider time,
    ILogger logger)
{
    // Waits are cut into pieces no longer than this: timers cannot wait for months at once, and
    // re-reading the clock after each piece absorbs clock changes.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(12);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunScheduleAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunScheduleAsync(CancellationToken stoppingToken)
    {
        var status = await ReadStatusAsync(stoppingToken);
        var last = status?.Last;
        var now = time.GetUtcNow();
        if (status is not null && status.Next <= now)
        {
            HostingLog.TimerPastDue(logger, functionName, status.Next);
            var lateRunAt = await FireAsync(new TimerInfo(IsPastDue: true, status.Last, status.Next), status.Next, stoppingToken);
            last = lateRunAt;
            now = Later(time.GetUtcNow(), lateRunAt);
        }

        var next = schedule.NextAfter(now);
        while (next is { } due)
        {
            await SaveStatusAsync(new ScheduleStatus(last, due, now), stoppingToken);
            HostingLog.TimerScheduled(logger, functionName, schedule.Expression, due);
            await WaitUntilAsync(due, stoppingToken);

            // The host reports the status recorded before the run: the previous run and this occurrence.
            var ranAt = await FireAsync(new TimerInfo(IsPastDue: false, last, due), due, stoppingToken);
            last = ranAt;
            now = Later(time.GetUtcNow(), ranAt);
            next = schedule.NextAfter(now);
        }

        HostingLog.TimerNeverDue(logger, functionName, schedule.Expression);
    }

    /// <summary>Runs the function; returns the time to record as its last run.</summary>
    private async Task<DateTimeOffset> FireAsync(TimerInfo timer, DateTimeOffset occurrence, CancellationToken stoppingToken)
    {
        var result = await invoker.InvokeAsync(functionName, InvocationRequest.ForTimer(timer), stoppingToken);
        stoppingToken.ThrowIfCancellationRequested();
        if (!result.Succeeded)
        {
            // A failed run is not retried: the Functions host also just waits for the next occurrence.
            HostingLog.TimerRunFailed(logger, functionName, occurrence);
        }

        // Recorded as at least the occurrence, so a run that started a moment early never lets
        // the same occurrence be chosen again.
        return Later(time.GetUtcNow(), occurrence);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var remaining = due - time.GetUtcNow(); remaining > TimeSpan.Zero; remaining = due - time.GetUtcNow())
        {
            await Task.Delay(remaining < LongestWait ? remaining : LongestWait, time, stoppingToken);
        }
    }

    private async Task<ScheduleStatus?> ReadStatusAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await monitor.GetStatusAsync(functionName, stoppingToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            HostingLog.ScheduleStatusFailed(logger, ex, functionName);
            return null;
        }
    }

    private async Task SaveStatusAsync(ScheduleStatus status, CancellationToken stoppingToken)
    {
        try
        {
            await monitor.UpdateStatusAsync(functionName, status, stoppingToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Losing the status only loses late-run detection; the schedule itself goes on.
            HostingLog.ScheduleStatusFailed(logger, ex, functionName);
        }
    }
}
