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

    [LoggerMessage(4, LogLevel.Information, "Loaded {Count} services into the catalogue from {Path}")]
    public static partial void CatalogueSeeded(ILogger logger, int count, string path);

    [LoggerMessage(5, LogLevel.Information, "Development API keys, one per role, are in {Path}")]
    public static partial void DevKeysWritten(ILogger logger, string path);

    [LoggerMessage(6, LogLevel.Information, "Using the development API keys in {Path}")]
    public static partial void DevKeysFound(ILogger logger, string path);

    [LoggerMessage(7, LogLevel.Error, "Local setup (catalogue seeding, development keys) failed")]
    public static partial void LocalSetupFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Retention: deleted {IdempotencyRecords} idempotency records and {UsageReceiptRows} usage receipt rows past their retention")]
    public static partial void RecordsPurged(ILogger logger, int idempotencyRecords, int usageReceiptRows);

    [LoggerMessage(9, LogLevel.Information, "Trend computed for {ServiceId}: {Periods} periods written, {Alerts} alerts raised or resolved (full run: {Full})")]
    public static partial void TrendComputed(ILogger logger, string serviceId, int periods, int alerts, bool full);

    [LoggerMessage(10, LogLevel.Information, "Scheduled trend computation for {Count} services (full run: {Full})")]
    public static partial void TrendsScheduled(ILogger logger, int count, bool full);

    [LoggerMessage(11, LogLevel.Information, "Data freshness checked for {Count} services: {Late} late")]
    public static partial void FreshnessChecked(ILogger logger, int count, int late);

    [LoggerMessage(12, LogLevel.Information, "Weekly digest for {Week}: {Sent} sent, {Skipped} skipped, {AlreadySent} already sent")]
    public static partial void DigestSent(ILogger logger, string week, int sent, int skipped, int alreadySent);

    [LoggerMessage(13, LogLevel.Information, "{Function} skipped its firing at {UtcNow:u}: that is not {LondonSchedule} in Europe/London (the timer fires at both UTC times that can be)")]
    public static partial void NotLondonTime(ILogger logger, string function, DateTimeOffset utcNow, string londonSchedule);

    [LoggerMessage(14, LogLevel.Warning, "Replayed {Moved} messages from {PoisonQueue} to {Queue}")]
    public static partial void PoisonReplayed(ILogger logger, int moved, string poisonQueue, string queue);

    [LoggerMessage(15, LogLevel.Information, "Wrote {Count} assisted sessions for {Services}")]
    public static partial void AssistedSessionsWritten(ILogger logger, int count, string services);
}
