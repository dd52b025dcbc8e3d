namespace TakeUp.Hosting;

/// <summary>A received queue message, as the storage adapter decoded it.</summary>
/// <param name="PopReceipt">Proof of the current receive; changes on every visibility update.</param>
/// <param name="Text">The message body as text (already base64-decoded by the adapter).</param>
public sealed record TriggerMessage(
    string Id,
    string PopReceipt,
    string Text,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NextVisibleOn);
