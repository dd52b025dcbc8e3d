using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Configuration;
using TakeUp.LocalHost.Queues;
using TakeUp.LocalHost.Timers;

namespace TakeUp.LocalHost.Functions;

/// <summary>
/// Starts a listener per queue and timer function once a worker is ready, and restarts them only
/// when a worker comes back with other triggers (a plain worker restart keeps them, and their
/// invocations wait for the new worker). Also tracks admin-started invocations so shutdown waits.
/// </summary>
internal sealed class TriggerHost(
    WorkerSession session,
    FunctionInvoker invoker,
    QueueClients queues,
    ScheduleMonitor monitor,
    LocalHostRuntime runtime,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedLifecycleService
{
    private readonly Lock _lock = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger<TriggerHost>();
    private readonly HashSet<Task> _background = [];
    private CancellationTokenSource? _listenersStop;
    private Task _listeners = Task.CompletedTask;
    private string _signature = "";
    private bool _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        session.WorkerReady += OnWorkerReady;
        if (session.Current is { } current)
        {
            OnWorkerReady(current);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Drains the listeners while the worker is still connected: ASP.NET Core stops its server
    /// (which waits for the worker's gRPC stream) before other services' StopAsync, so the work
    /// that needs the worker is done in the stopping phase.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        session.WorkerReady -= OnWorkerReady;
        Task listeners;
        Task[] background;
        lock (_lock)
        {
            _stopping = true;
            _listenersStop?.Cancel();
            listeners = _listeners;
            background = [.. _background];
        }
        await Task.WhenAll(background.Append(listeners)).WaitAsync(cancellationToken);
    }

    /// <summary>Runs an invocation in the background (admin API), awaited at shutdown.</summary>
    public void Track(Task work)
    {
        lock (_lock)
        {
            _background.Add(work);
        }

        _ = work.ContinueWith(t => { lock (_lock) { _background.Remove(t); } }, TaskScheduler.Default);
    }

    private void OnWorkerReady(ReadyWorker worker)
    {
        // As in Azure, the app setting AzureWebJobs.{name}.Disabled=true switches a trigger off.
        var triggers = worker.Functions.Where(f => (f.IsQueue || f.IsTimer) && !IsDisabled(f)).ToArray();
        var signature = string.Join("\n", triggers.Select(f => f.Name + " " + f.Trigger.ToJsonString()));
        foreach (var function in worker.Functions)
        {
            LocalHostLog.FunctionListed(_logger, function.Name, Describe(function));
        }

        lock (_lock)
        {
            if (_stopping || signature == _signature)
            {
                return;
            }

            _signature = signature;
            _listenersStop?.Cancel();
            var previous = _listeners;
            var stop = new CancellationTokenSource();
            _listenersStop = stop;
            _listeners = Task.Run(async () =>
            {
                await previous;
                var running = triggers.Select(f => RunListenerAsync(f, stop.Token)).ToArray();
                await Task.WhenAll(running);
            });
        }
    }

    private bool IsDisabled(LocalFunction function) =>
        bool.TryParse(runtime.Settings[$"AzureWebJobs.{function.Name}.Disabled"], out var disabled) && disabled;

    private async Task RunListenerAsync(LocalFunction function, CancellationToken stoppingToken)
    {
        var logger = loggerFactory.CreateLogger("Function." + function.Name);
        try
        {
            if (function.IsQueue)
            {
                var queueName = LocalFunction.Property(function.Trigger, "queueName") ?? "";
                var connection = LocalFunction.Property(function.Trigger, "connection");
                var queue = queues.For(queueName, connection);
                var poison = queues.For(queue.Name + "-poison", connection);
                await new QueueListener(function, queue, poison, runtime.HostJson.Queues with { Lease = runtime.Options.QueueMessageLease }, invoker, time, logger).RunAsync(stoppingToken);
            }
            else
            {
                var schedule = TimerSchedule.Parse(function.Name, runtime.Settings.Resolve(LocalFunction.Property(function.Trigger, "schedule") ?? ""));
                var useMonitor = !string.Equals(LocalFunction.Property(function.Trigger, "useMonitor"), "false", StringComparison.OrdinalIgnoreCase);
                var runOnStartup = string.Equals(LocalFunction.Property(function.Trigger, "runOnStartup"), "true", StringComparison.OrdinalIgnoreCase);
                await new TimerListener(function, schedule, useMonitor, runOnStartup, monitor, invoker, time, logger).RunAsync(stoppingToken);
            }
        }
        catch (LocalHostConfigurationException ex)
        {
            LocalHostLog.TriggerNotStarted(logger, function.Name, ex.Message);
        }

    }

    private string Resolved(string? expression)
    {
        try
        {
            return runtime.Settings.Resolve(expression ?? "");
        }
        catch (LocalHostConfigurationException ex)
        {
            return $"{expression} ({ex.Message})";
        }
    }

    private string Describe(LocalFunction function)
    {
        if (function.IsHttp)
        {
            var methods = Http.FunctionEndpointDataSource.Methods(function);
            return $"[{(methods.Count == 0 ? "ALL" : string.Join(',', methods))}] /{Http.FunctionEndpointDataSource.RouteTemplate(function, runtime.HostJson.RoutePrefix)}";
        }

        if (function.IsQueue)
        {
            return $"queueTrigger {Resolved(LocalFunction.Property(function.Trigger, "queueName"))}";
        }

        if (function.IsTimer)
        {
            return $"timerTrigger {Resolved(LocalFunction.Property(function.Trigger, "schedule"))} (UTC)";
        }

        LocalHostLog.TriggerUnsupported(_logger, function.Name, function.TriggerType);
        return function.TriggerType + " (not driven locally; run it with POST /admin/functions/" + function.Name + ")";
    }
}
