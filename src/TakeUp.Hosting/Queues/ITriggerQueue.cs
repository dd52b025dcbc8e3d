namespace TakeUp.Hosting;

/// <summary>
/// The queue operations the local trigger runtime needs, with Azure Queue Storage semantics:
/// a received message stays invisible for the visibility timeout, every receive increments its
/// dequeue count, and update and delete need the current pop receipt.
/// </summary>
public interface ITriggerQueue
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<TriggerMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Changes when the message becomes visible again; returns it with its new pop receipt.</summary>
    Task<TriggerMessage> UpdateVisibilityAsync(TriggerMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task DeleteAsync(TriggerMessage message, CancellationToken cancellationToken);

    Task SendAsync(string messageText, CancellationToken cancellationToken);
}
