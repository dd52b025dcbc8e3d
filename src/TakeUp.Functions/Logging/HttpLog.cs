namespace TakeUp.Functions.Logging;

/// <summary>The HTTP pipeline's log messages (event ids 100-119).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Warning, "{FunctionName}: storage is not answering ({Problem}); answered 503")]
    public static partial void StorageUnavailable(ILogger logger, string functionName, string problem);

    [LoggerMessage(101, LogLevel.Error, "{FunctionName} failed unexpectedly (invocation {InvocationId}); answered 500")]
    public static partial void FunctionFailed(ILogger logger, string functionName, string invocationId, Exception exception);
}
