using System.Collections.Concurrent;

namespace TakeUp.Hosting.Tests.Support;

internal sealed class InMemoryTriggerQueueProvider(TimeProvider time) : ITriggerQueueProvider
{
    private readonly ConcurrentDictionary<string, InMemoryTriggerQueue> _queues = new(StringComparer.Ordinal);

    public InMemoryTriggerQueue this[string queueName] => (InMemoryTriggerQueue)GetQueue(queueName);

    public ITriggerQueue GetQueue(string queueName) => _queues.GetOrAdd(queueName, name => new InMemoryTriggerQueue(name, time));

    /// <summary>Sends as a producer would: the queue exists first.</summary>
    public async Task SendAsync(string queueName, string text)
    {
        var queue = GetQueue(queueName);
        await queue.CreateIfNotExistsAsync(CancellationToken.None);
        await queue.SendAsync(text, CancellationToken.None);
    }
}
