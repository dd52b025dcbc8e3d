using System.Globalization;
using System.Text.Json;

namespace TakeUp.Hosting.Invocation;

/// <summary>
/// Tolerant readers for values in the host's invocation JSON. The host serializes string-typed
/// values a second time and numbers as strings, so every reader accepts both shapes.
/// </summary>
internal static class ProtocolValues
{
    /// <summary>Text of a value: strings unwrapped once if they hold a JSON string, other JSON as written.</summary>
    public static string? ReadText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => UnwrapOnce(value.GetString()!),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static long? ReadInt64(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(UnwrapOnce(value.GetString()!), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : null;
    }

    public static bool? ReadBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(UnwrapOnce(value.GetString()!), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// An ISO 8601 time. Times without an offset are taken as UTC (the host runs in UTC on
    /// Linux), and <see cref="DateTime.MinValue"/>, the host's "never", reads as null.
    /// </summary>
    public static DateTimeOffset? ReadTime(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(
                UnwrapOnce(value.GetString()!),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var time))
        {
            return null;
        }

        return time.UtcDateTime == DateTime.MinValue ? null : time;
    }

    /// <summary>
    /// Undoes the host's second serialization: <c>"hello"</c> (with the quotes) becomes
    /// <c>hello</c>. Text that is not a complete JSON string literal is returned unchanged.
    /// </summary>
    public static string UnwrapOnce(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }

        try
        {
            return JsonSerializer.Deserialize(text, HostingJsonContext.Default.String) ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
