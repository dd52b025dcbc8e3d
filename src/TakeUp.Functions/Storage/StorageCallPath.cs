namespace TakeUp.Functions.Storage;

/// <summary>
/// Whether the storage calls made in this async flow answer a person waiting on an HTTP request
/// (retry briefly, then let the caller know) or run in the background (retry for longer, then fail
/// the invocation so the queue delivers it again). <see cref="StorageRetryPolicy"/> reads it.
/// </summary>
/// <remarks>
/// Ambient, like <see cref="System.Diagnostics.Activity.Current"/>, because the stores are shared by
/// both kinds of caller and the choice belongs to the caller, not to each store method.
/// </remarks>
public static class StorageCallPath
{
    private static readonly AsyncLocal<bool> InRequest = new();

    public static bool IsRequest => InRequest.Value;

    /// <summary>Marks the rest of this async flow (the handling of one HTTP request) as a request path.</summary>
    public static void EnterRequest() => InRequest.Value = true;
}
