namespace TakeUp.Hosting;

/// <summary>
/// The port through which the local trigger runtime reaches storage queues. The function app
/// implements it over its own storage client, so this library never depends on a storage SDK.
/// Required only when queue functions run in local mode.
/// </summary>
public interface ITriggerQueueProvider
{
    ITriggerQueue GetQueue(string queueName);
}
