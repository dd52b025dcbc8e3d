using Azure;

namespace TakeUp.Functions.Storage;

/// <summary>
/// Tells a storage outage (unreachable, timing out, busy) from every other failure. The SDK
/// throws a <see cref="RequestFailedException"/> with status 0 when it cannot connect, a 5xx when
/// the service is busy or timing out, and, once its retries are spent, an
/// <see cref="AggregateException"/> of one of those per try.
/// </summary>
public static class StorageOutage
{
    /// <param name="callerToken">The caller's own token: a cancellation it asked for is not an outage.</param>
    public static bool Is(Exception exception, CancellationToken callerToken) => exception switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e, callerToken)),

        // Azure.Core's per-try network timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !callerToken.IsCancellationRequested,

        // Data protection wraps a key ring it could not read from its table.
        System.Security.Cryptography.CryptographicException { InnerException: { } inner } => Is(inner, callerToken),
        _ => false,
    };

    /// <summary>What went wrong, in a line, without secrets: for the health answer and logs.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } failed => $"unreachable ({failed.InnerException?.Message ?? failed.Message})",
        RequestFailedException failed => $"answered {failed.Status} {failed.ErrorCode}",
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[^1]),
        OperationCanceledException => "no answer in time",
        System.Security.Cryptography.CryptographicException { InnerException: { } inner } => Describe(inner),
        _ => exception.Message,
    };
}
