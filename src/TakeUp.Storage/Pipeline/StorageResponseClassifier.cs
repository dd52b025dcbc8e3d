using Azure.Core;

namespace TakeUp.Storage;

/// <summary>
/// Decides which answers are worth another attempt. Timeouts, throttling and the transient server and
/// gateway errors are; everything else (a conflict, a failed precondition, a missing entity) is an answer
/// the caller must see at once.
/// </summary>
internal sealed class StorageResponseClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status is 408 or 429 or 500 or 502 or 503 or 504;
}
