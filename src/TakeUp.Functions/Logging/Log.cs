namespace TakeUp.Functions.Logging;

/// <summary>Every log message of the function app, source-generated and structured.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Storage is ready: {Storage}")]
    public static partial void StorageReady(ILogger logger, string storage);

    [LoggerMessage(2, LogLevel.Warning, "Storage is not ready ({Storage}); trying again in {Delay}")]
    public static partial void StorageNotReady(ILogger logger, string storage, TimeSpan delay, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Usage batch {BatchId} applied: {Rows} rows, {Partitions} service-days written now (delivery {DequeueCount})")]
    public static partial void UsageBatchApplied(ILogger logger, string batchId, int rows, int partitions, long dequeueCount);
}
