namespace TakeUp.Hosting;

/// <summary>
/// A function triggered by a storage queue message. Declared with
/// <see cref="FunctionsHostingEndpointExtensions.MapQueueFunction{TFunction, TMessage}"/>; a new
/// instance is created in a fresh service scope for every invocation.
/// </summary>
/// <typeparam name="TMessage">The message body, read as JSON with the app's web serializer
/// settings; <see cref="string"/> receives the message text itself.</typeparam>
public interface IQueueFunction<in TMessage>
{
    /// <summary>Handles one delivery. Delivery is at-least-once, so this must be idempotent;
    /// throwing makes the message visible again until it is poisoned.</summary>
    Task RunAsync(TMessage message, QueueTriggerInfo trigger, CancellationToken cancellationToken);
}
