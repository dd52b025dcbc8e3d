using Microsoft.Extensions.Options;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Applies host.json's <c>extensions.queues</c> before the <c>LocalRuntime</c> section is bound over it.</summary>
internal sealed class LocalRuntimeHostJsonDefaults(HostJsonSettings hostJson) : IConfigureOptions<LocalRuntimeOptions>
{
    public void Configure(LocalRuntimeOptions options)
    {
        var queues = hostJson.Queues;
        options.BatchSize = queues.BatchSize ?? options.BatchSize;
        options.MaxDequeueCount = queues.MaxDequeueCount ?? options.MaxDequeueCount;
        options.MaxPollingInterval = queues.MaxPollingInterval ?? options.MaxPollingInterval;
        options.VisibilityTimeout = queues.VisibilityTimeout ?? options.VisibilityTimeout;
    }
}
