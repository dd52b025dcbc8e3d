using System.Text.Json;

namespace TakeUp.Hosting.Invocation;

/// <summary>A queue invocation read from the host's envelope.</summary>
internal sealed record QueueTriggerPayload(string MessageText, QueueTriggerInfo Trigger)
{
    /// <summary>The binding name this host writes in function.json for queue triggers.</summary>
    public const string BindingName = "msg";

    /// <summary>
    /// Reads the message from the <c>msg</c> binding, or from the only binding when the
    /// function.json named it differently. A string is unwrapped once (the host serializes it
    /// twice); an object or array is taken as its JSON text.
    /// </summary>
    /// <exception cref="InvocationPayloadException">No usable message in the request.</exception>
    public static QueueTriggerPayload Read(InvocationRequest request)
    {
        var value = TriggerBinding.Find(request, BindingName);
        var text = ProtocolValues.ReadText(value)
            ?? throw new InvocationPayloadException($"The '{BindingName}' binding holds null rather than a queue message.");

        var metadata = request.Metadata;
        var trigger = new QueueTriggerInfo(
            MessageId: Get(metadata, "Id", ProtocolValues.ReadText) ?? string.Empty,
            // A delivered message has been dequeued at least once.
            DequeueCount: Get(metadata, "DequeueCount", ProtocolValues.ReadInt64) ?? 1,
            InsertedOn: Get(metadata, "InsertionTime", ProtocolValues.ReadTime),
            ExpiresOn: Get(metadata, "ExpirationTime", ProtocolValues.ReadTime),
            NextVisibleOn: Get(metadata, "NextVisibleTime", ProtocolValues.ReadTime),
            PopReceipt: Get(metadata, "PopReceipt", ProtocolValues.ReadText));
        return new QueueTriggerPayload(text, trigger);
    }

    private static T? Get<T>(IReadOnlyDictionary<string, JsonElement> metadata, string name, Func<JsonElement, T?> read) =>
        metadata.TryGetValue(name, out var value) ? read(value) : default;
}
