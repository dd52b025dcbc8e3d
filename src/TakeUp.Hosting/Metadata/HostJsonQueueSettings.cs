namespace TakeUp.Hosting;

/// <summary><c>extensions.queues</c>; null where host.json leaves the host's default.</summary>
public sealed record HostJsonQueueSettings(
    int? BatchSize,
    int? MaxDequeueCount,
    TimeSpan? MaxPollingInterval,
    TimeSpan? VisibilityTimeout)
{
    public static HostJsonQueueSettings None { get; } = new(null, null, null, null);
}
