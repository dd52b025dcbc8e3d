using System.Text.Json;

namespace TakeUp.Hosting.Invocation;

/// <summary>
/// Reads the host's timer value:
/// <c>{"Schedule":{...},"ScheduleStatus":{"Last","Next","LastUpdated"}|null,"IsPastDue":bool}</c>.
/// </summary>
internal static class TimerTriggerPayload
{
    /// <summary>The binding name this host writes in function.json for timer triggers.</summary>
    public const string BindingName = "timer";

    /// <exception cref="InvocationPayloadException">No usable timer value in the request.</exception>
    public static TimerInfo Read(InvocationRequest request)
    {
        var value = TriggerBinding.Find(request, BindingName);
        if (value.ValueKind == JsonValueKind.String)
        {
            value = ParseEmbedded(ProtocolValues.UnwrapOnce(value.GetString()!));
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationPayloadException($"The '{BindingName}' binding holds a JSON {value.ValueKind}, not a timer object.");
        }

        var isPastDue = value.TryGetPropertyIgnoreCase("IsPastDue", out var pastDue) && ProtocolValues.ReadBoolean(pastDue) == true;
        DateTimeOffset? last = null;
        DateTimeOffset? next = null;
        if (value.TryGetPropertyIgnoreCase("ScheduleStatus", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            last = status.TryGetPropertyIgnoreCase("Last", out var lastValue) ? ProtocolValues.ReadTime(lastValue) : null;
            next = status.TryGetPropertyIgnoreCase("Next", out var nextValue) ? ProtocolValues.ReadTime(nextValue) : null;
        }

        return new TimerInfo(isPastDue, last, next);
    }

    private static JsonElement ParseEmbedded(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvocationPayloadException($"The '{BindingName}' binding holds text that is not a timer object: {ex.Message}");
        }
    }
}
