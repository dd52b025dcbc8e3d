namespace TakeUp.Storage;

/// <summary>Queue properties; the count is approximate (it may include expired and invisible messages).</summary>
public sealed record QueueProperties(int ApproximateMessagesCount);
