namespace TakeUp.Storage;

/// <summary>A message seen without receiving it: no pop receipt, and its dequeue count is unchanged.</summary>
public sealed record PeekedMessage(
    string MessageId,
    string MessageText,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn);
