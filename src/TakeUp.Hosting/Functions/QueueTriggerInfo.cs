namespace TakeUp.Hosting;

/// <summary>What the queue trigger knows about the delivered message.</summary>
/// <param name="MessageId">The storage message id (empty when the caller did not send one).</param>
/// <param name="DequeueCount">1 on the first delivery; the message is poisoned after the last allowed one.</param>
public sealed record QueueTriggerInfo(
    string MessageId,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NextVisibleOn,
    string? PopReceipt);
