namespace TakeUp.Functions.Storage;

public static class QueueNames
{
    public const string UsageBatches = "usage-batches";
    public const string TrendJobs = "trend-jobs";
    public const string Alerts = "alerts";

    public static readonly IReadOnlyList<string> All = [UsageBatches, TrendJobs, Alerts];
}
