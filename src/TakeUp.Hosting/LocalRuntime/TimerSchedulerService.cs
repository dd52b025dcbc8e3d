using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Runs a <see cref="TimerScheduler"/> for every timer function in the catalog, in local mode only.</summary>
internal sealed class TimerSchedulerService(
    FunctionsHostEnvironment environment,
    FunctionCatalog catalog,
    IScheduleMonitor monitor,
    IFunctionInvoker invoker,
    TimeProvider time,
    LocalTriggerRuntime runtime,
    ILogger<TimerSchedulerService> logger) : BackgroundService
{
    private readonly List<TimerScheduler> _schedulers = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.LocalRuntimeActive)
        {
            return Task.CompletedTask;
        }

        foreach (var function in catalog.Functions)
        {
            if (function.Trigger is TimerFunctionTrigger trigger)
            {
                var schedule = LondonSchedule.Parse(function.Name, trigger.Schedule);
                _schedulers.Add(new TimerScheduler(function.Name, schedule, monitor, invoker, time, logger));
                runtime.Register(function);
            }
        }

        return _schedulers.Count == 0 ? Task.CompletedTask : base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_schedulers.Select(scheduler => Task.Run(() => scheduler.RunAsync(stoppingToken), CancellationToken.None)));
}
