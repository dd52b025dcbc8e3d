namespace TakeUp.Functions.Storage;

public static class QueueNames
{
    public const string UsageBatches = "usage-batches";

    public static readonly IReadOnlyList<string> All = [UsageBatches];
}
