using Microsoft.Extensions.Logging;

namespace TakeUp.LocalHost;

/// <summary>Every log line of the local host, source-generated, in one place.</summary>
internal static partial class LocalHostLog
{
    [LoggerMessage(1, LogLevel.Information, "Starting the worker: dotnet {WorkerPath} (worker {WorkerId})")]
    public static partial void StartingWorker(ILogger logger, string workerPath, string workerId);

    [LoggerMessage(2, LogLevel.Information, "Worker {WorkerId} is ready in {Milliseconds:F0} ms: {FunctionCount} functions loaded ({Functions})")]
    public static partial void WorkerReady(ILogger logger, string workerId, double milliseconds, int functionCount, string functions);

    [LoggerMessage(3, LogLevel.Error, "Worker {WorkerId} stopped unexpectedly ({Reason}); restarting it in {Delay}")]
    public static partial void WorkerCrashed(ILogger logger, string workerId, string reason, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Error, "Worker {WorkerId} could not be started: {Reason}")]
    public static partial void WorkerStartFailed(ILogger logger, string workerId, string reason);

    [LoggerMessage(5, LogLevel.Information, "Stopping worker {WorkerId}")]
    public static partial void StoppingWorker(ILogger logger, string workerId);

    [LoggerMessage(6, LogLevel.Warning, "Worker {WorkerId} did not exit within {Timeout} of WorkerTerminate; killing it")]
    public static partial void KillingWorker(ILogger logger, string workerId, TimeSpan timeout);

    [LoggerMessage(7, LogLevel.Warning, "A worker connected with an unknown worker id {WorkerId}; refused")]
    public static partial void UnknownWorker(ILogger logger, string workerId);

    [LoggerMessage(8, LogLevel.Error, "Function {FunctionName} could not be loaded: {Reason}")]
    public static partial void FunctionLoadFailed(ILogger logger, string functionName, string reason);

    [LoggerMessage(9, LogLevel.Information, "{FunctionName}: {TriggerDescription}")]
    public static partial void FunctionListed(ILogger logger, string functionName, string triggerDescription);

    [LoggerMessage(10, LogLevel.Information, "Executed '{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs}ms)")]
    public static partial void InvocationSucceeded(ILogger logger, string functionName, string invocationId, long durationMs);

    [LoggerMessage(11, LogLevel.Error, "Executed '{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs}ms): {Reason}")]
    public static partial void InvocationFailed(ILogger logger, string functionName, string invocationId, long durationMs, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Message {MessageId} of queue {QueueName} failed {DequeueCount} times; moved to {PoisonQueueName}")]
    public static partial void MessagePoisoned(ILogger logger, string messageId, string queueName, long dequeueCount, string poisonQueueName);

    [LoggerMessage(13, LogLevel.Error, "Polling queue {QueueName} failed: {Reason}. Is the storage account reachable? Retrying in {Delay}")]
    public static partial void QueuePollFailed(ILogger logger, string queueName, string reason, TimeSpan delay);

    [LoggerMessage(14, LogLevel.Information, "Timer {FunctionName} missed its run due at {Due}; running it now (IsPastDue)")]
    public static partial void TimerPastDue(ILogger logger, string functionName, DateTimeOffset due);

    [LoggerMessage(15, LogLevel.Information, "Timer {FunctionName}: next run at {Next} (UTC)")]
    public static partial void TimerScheduled(ILogger logger, string functionName, DateTimeOffset next);

    [LoggerMessage(16, LogLevel.Warning, "The schedule status of {FunctionName} at {Path} is unreadable ({Reason}); starting afresh")]
    public static partial void ScheduleStatusUnreadable(ILogger logger, string functionName, string path, string reason);

    [LoggerMessage(17, LogLevel.Information, "Starting the Azurite storage emulator (data in {Location})")]
    public static partial void StartingAzurite(ILogger logger, string location);

    [LoggerMessage(18, LogLevel.Information, "Something already listens on the storage emulator's ports (10000-10002); using it")]
    public static partial void AzuriteAlreadyRunning(ILogger logger);

    [LoggerMessage(19, LogLevel.Error, "Azurite exited unexpectedly; restarting it")]
    public static partial void AzuriteDied(ILogger logger);

    [LoggerMessage(20, LogLevel.Information, "Stopping Azurite (it saves its data first)")]
    public static partial void StoppingAzurite(ILogger logger);

    [LoggerMessage(21, LogLevel.Warning, "Azurite did not exit within {Timeout} of being asked to stop; killing it")]
    public static partial void KillingAzurite(ILogger logger, TimeSpan timeout);

    [LoggerMessage(22, LogLevel.Information, "Functions host listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(23, LogLevel.Warning, "Writing output binding {BindingName} of {FunctionName} failed: {Reason}")]
    public static partial void OutputBindingFailed(ILogger logger, string bindingName, string functionName, string reason);

    [LoggerMessage(24, LogLevel.Warning, "Output binding {BindingName} of {FunctionName} is of type {BindingType}, which the local host does not write")]
    public static partial void OutputBindingUnsupported(ILogger logger, string bindingName, string functionName, string bindingType);

    [LoggerMessage(25, LogLevel.Warning, "Function {FunctionName} has a {TriggerType} trigger, which the local host does not drive")]
    public static partial void TriggerUnsupported(ILogger logger, string functionName, string triggerType);

    [LoggerMessage(26, LogLevel.Debug, "Worker {WorkerId} output: {Line}")]
    public static partial void WorkerOutput(ILogger logger, string workerId, string line);

    [LoggerMessage(27, LogLevel.Error, "Renewing the lease of message {MessageId} on queue {QueueName} failed: {Reason}")]
    public static partial void LeaseRenewalFailed(ILogger logger, string messageId, string queueName, string reason);

    [LoggerMessage(28, LogLevel.Information, "Master key for /admin is in {Path}")]
    public static partial void MasterKeyLocation(ILogger logger, string path);

    [LoggerMessage(EventId = 29, Message = "[{FunctionName}] {Message} (Id={InvocationId}, category {Category})")]
    public static partial void WorkerLog(ILogger logger, LogLevel level, string functionName, string message, string invocationId, string category, Exception? exception);

    [LoggerMessage(EventId = 30, Message = "[worker] {Message} (category {Category})")]
    public static partial void WorkerSystemLog(ILogger logger, LogLevel level, string message, string category, Exception? exception);

    [LoggerMessage(31, LogLevel.Error, "Azurite could not be restarted: {Reason}; trying again in 5 s")]
    public static partial void AzuriteRestartFailed(ILogger logger, string reason);

    [LoggerMessage(32, LogLevel.Warning, "Function {FunctionName} has a trigger the local host cannot drive: {Reason}")]
    public static partial void TriggerNotStarted(ILogger logger, string functionName, string reason);
}
