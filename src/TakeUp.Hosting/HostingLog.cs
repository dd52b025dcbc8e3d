using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting;

/// <summary>Every log event of the hosting library, source-generated. Event ids: 1xx invocation, 2xx queues, 3xx timers, 4xx local admin and storage, 5xx start-up.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(100, LogLevel.Information, "Function {FunctionName} succeeded (invocation {InvocationId})")]
    public static partial void FunctionSucceeded(ILogger logger, string functionName, string invocationId);

    [LoggerMessage(101, LogLevel.Warning, "Function {FunctionName} did not run (invocation {InvocationId}): {Reason}")]
    public static partial void PayloadRejected(ILogger logger, string functionName, string invocationId, string reason);

    [LoggerMessage(102, LogLevel.Information, "Function {FunctionName} was cancelled (invocation {InvocationId})")]
    public static partial void FunctionCancelled(ILogger logger, string functionName, string invocationId);

    [LoggerMessage(103, LogLevel.Error, "Function {FunctionName} failed (invocation {InvocationId})")]
    public static partial void FunctionFailed(ILogger logger, Exception exception, string functionName, string invocationId);

    [LoggerMessage(104, LogLevel.Warning, "An invocation named {FunctionName}, which is not a declared queue or timer function")]
    public static partial void UnknownFunction(ILogger logger, string functionName);

    [LoggerMessage(105, LogLevel.Warning, "Refused an invocation of {FunctionName} from {RemoteAddress}: only local callers may invoke functions")]
    public static partial void NonLocalInvocationRefused(ILogger logger, string functionName, string? remoteAddress);

    [LoggerMessage(106, LogLevel.Warning, "Refused an invocation of {FunctionName} with an unreadable body: {Reason}")]
    public static partial void InvocationBodyRejected(ILogger logger, string functionName, string reason);

    [LoggerMessage(200, LogLevel.Information, "Listening to queue {QueueName} for {FunctionName} (batch {BatchSize}, poisoned after {MaxDequeueCount} deliveries)")]
    public static partial void QueueListenerStarted(ILogger logger, string functionName, string queueName, int batchSize, int maxDequeueCount);

    [LoggerMessage(201, LogLevel.Information, "Stopped listening to queue {QueueName} for {FunctionName}")]
    public static partial void QueueListenerStopped(ILogger logger, string functionName, string queueName);

    [LoggerMessage(202, LogLevel.Error, "Polling queue {QueueName} for {FunctionName} failed; polling again in {Delay}")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, string functionName, string queueName, TimeSpan delay);

    [LoggerMessage(203, LogLevel.Warning, "Message {MessageId} failed {FunctionName} on delivery {DequeueCount}, the last allowed; moved to {PoisonQueueName}")]
    public static partial void MessagePoisoned(ILogger logger, string functionName, string messageId, long dequeueCount, string poisonQueueName);

    [LoggerMessage(204, LogLevel.Information, "Message {MessageId} failed {FunctionName} on delivery {DequeueCount} of {MaxDequeueCount}; retrying after {VisibilityTimeout}")]
    public static partial void MessageWillRetry(ILogger logger, string functionName, string messageId, long dequeueCount, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(205, LogLevel.Warning, "Could not settle message {MessageId} after {FunctionName}; it will be delivered again when its lease runs out")]
    public static partial void MessageSettlementFailed(ILogger logger, Exception exception, string functionName, string messageId);

    [LoggerMessage(206, LogLevel.Debug, "Renewed the lease on message {MessageId} for {FunctionName} by {Lease}")]
    public static partial void LeaseRenewed(ILogger logger, string functionName, string messageId, TimeSpan lease);

    [LoggerMessage(207, LogLevel.Warning, "Could not renew the lease on message {MessageId} for {FunctionName}; it may be delivered again while it runs")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string functionName, string messageId);

    [LoggerMessage(300, LogLevel.Information, "Timer {FunctionName} ({Schedule}, Europe/London) next runs at {Due:O}")]
    public static partial void TimerScheduled(ILogger logger, string functionName, string schedule, DateTimeOffset due);

    [LoggerMessage(301, LogLevel.Information, "Timer {FunctionName} missed its run due at {Due:O} while the app was down; running it now")]
    public static partial void TimerPastDue(ILogger logger, string functionName, DateTimeOffset due);

    [LoggerMessage(302, LogLevel.Warning, "Timer {FunctionName}'s run due at {Due:O} failed; waiting for the next occurrence")]
    public static partial void TimerRunFailed(ILogger logger, string functionName, DateTimeOffset due);

    [LoggerMessage(303, LogLevel.Warning, "Timer {FunctionName}'s schedule {Schedule} has no further occurrences")]
    public static partial void TimerNeverDue(ILogger logger, string functionName, string schedule);

    [LoggerMessage(304, LogLevel.Warning, "Could not read or save the schedule status of timer {FunctionName}; late runs may go undetected")]
    public static partial void ScheduleStatusFailed(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(305, LogLevel.Warning, "Ignoring the unreadable schedule status of timer {FunctionName} at {Path}: {Reason}")]
    public static partial void ScheduleStatusUnreadable(ILogger logger, string functionName, string path, string reason);

    [LoggerMessage(400, LogLevel.Information, "Admin run of {FunctionName} finished (succeeded: {Succeeded}): {Logs}")]
    public static partial void AdminInvocationFinished(ILogger logger, string functionName, bool succeeded, string logs);

    [LoggerMessage(401, LogLevel.Warning, "Stopped waiting for {Count} admin runs still in progress at shutdown")]
    public static partial void AdminInvocationsAbandoned(ILogger logger, int count);

    [LoggerMessage(402, LogLevel.Information, "Using the storage emulator already listening on ports {QueuePort} and {TablePort}")]
    public static partial void EmulatorAlreadyRunning(ILogger logger, int queuePort, int tablePort);

    [LoggerMessage(403, LogLevel.Information, "Starting the Azurite storage emulator with its data in {Location}")]
    public static partial void EmulatorStarting(ILogger logger, string location);

    [LoggerMessage(404, LogLevel.Information, "Azurite is listening (queues on port {QueuePort}, tables on port {TablePort}) with its data in {Location}")]
    public static partial void EmulatorStarted(ILogger logger, string location, int queuePort, int tablePort);

    [LoggerMessage(405, LogLevel.Information, "Stopped the Azurite storage emulator")]
    public static partial void EmulatorStopped(ILogger logger);

    [LoggerMessage(500, LogLevel.Information, "{Count} functions declared, triggered by {Runtime}: {FunctionNames}")]
    public static partial void FunctionsDeclared(ILogger logger, int count, string runtime, string functionNames);
}
