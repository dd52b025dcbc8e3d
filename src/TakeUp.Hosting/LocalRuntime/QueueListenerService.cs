using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Runs a <see cref="QueueListener"/> for every queue function in the catalog, in local mode only.</summary>
internal sealed class QueueListenerService(
    FunctionsHostEnvironment environment,
    FunctionCatalog catalog,
    IServiceProvider services,
    IFunctionInvoker invoker,
    IOptions<LocalRuntimeOptions> options,
    TimeProvider time,
    LocalTriggerRuntime runtime,
    ILogger<QueueListenerService> logger) : BackgroundService
{
    private readonly List<QueueListener> _listeners = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.LocalRuntimeActive)
        {
            return Task.CompletedTask;
        }

        var functions = catalog.Functions.Where(function => function.Trigger is QueueFunctionTrigger).ToArray();
        if (functions.Length == 0)
        {
            return Task.CompletedTask;
        }

        var provider = services.GetService<ITriggerQueueProvider>()
            ?? throw new InvalidOperationException(
                $"The local runtime needs an {nameof(ITriggerQueueProvider)} to poll the queues of {string.Join(", ", functions.Select(f => f.Name))}. " +
                $"Register the app's storage adapter as {nameof(ITriggerQueueProvider)}, or set {LocalRuntimeOptions.SectionName}:Enabled=false.");

        foreach (var function in functions)
        {
            var trigger = (QueueFunctionTrigger)function.Trigger;
            _listeners.Add(new QueueListener(
                function.Name,
                provider.GetQueue(trigger.QueueName),
                provider.GetQueue(FunctionNames.Poison(trigger.QueueName)),
                invoker,
                options.Value,
                time,
                logger));
            runtime.Register(function);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(listener => Task.Run(() => listener.RunAsync(stoppingToken), CancellationToken.None)));
}
