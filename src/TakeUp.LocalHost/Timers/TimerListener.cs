using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Functions;
using TakeUp.LocalHost.Grpc.Protocol;

namespace TakeUp.LocalHost.Timers;

/// <summary>
/// Fires one timer function on its schedule, in UTC. With the schedule monitor (the default,
/// <c>useMonitor</c>), an occurrence missed while the host was down runs once, late, with
/// <c>IsPastDue</c> true; <c>runOnStartup</c> runs it once when the host starts.
/// </summary>
internal sealed class TimerListener(
    LocalFunction function,
    TimerSchedule schedule,
    bool useMonitor,
    bool runOnStartup,
    ScheduleMonitor monitor,
    FunctionInvoker invoker,
    TimeProvider time,
    ILogger logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var status = useMonitor ? await monitor.ReadAsync(function.Name, stoppingToken) : null;
            var last = status?.Last;
            var now = time.GetUtcNow();
            if (status is not null && status.Next < now)
            {
                LocalHostLog.TimerPastDue(logger, function.Name, status.Next);
                await FireAsync(last, isPastDue: true, stoppingToken);
                last = status.Next;
            }
            else if (runOnStartup)
            {
                await FireAsync(last, isPastDue: false, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                now = time.GetUtcNow();
                var next = schedule.NextAfter(now);
                if (useMonitor)
                {
                    await monitor.WriteAsync(function.Name, new ScheduleStatus(last, next, now), stoppingToken);
                }

                LocalHostLog.TimerScheduled(logger, function.Name, next);
                var wait = next - now;
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
                await FireAsync(last, isPastDue: false, stoppingToken);
                last = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task FireAsync(DateTimeOffset? last, bool isPastDue, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var input = TimerInput.Json(last, schedule.NextAfter(now), now, isPastDue);
        await invoker.InvokeAsync(function.Name, new TypedData { Json = input }, new Dictionary<string, TypedData>(), stoppingToken);
    }
}
