using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace TakeUp.Storage;

/// <summary>
/// Entities on the wire: JSON objects with <c>name@odata.type</c> annotations for the types JSON cannot tell
/// apart (Int64 as a string, DateTime, Guid, Binary, and Double so that whole numbers stay doubles).
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string EdmInt32 = "Edm.Int32";
    private const string EdmInt64 = "Edm.Int64";
    private const string EdmDouble = "Edm.Double";
    private const string EdmDateTime = "Edm.DateTime";
    private const string EdmGuid = "Edm.Guid";
    private const string EdmBinary = "Edm.Binary";

    /// <summary>The service keeps seven fractional digits (100 ns ticks) and expects UTC.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>One line of UTF-8 JSON: the batch reader in Azurite finds the body by matching a single line.</summary>
    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                // The service sets Timestamp itself; null means "no such property".
                if (name == TableEntity.TimestampName || value is null)
                {
                    continue;
                }

                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <param name="responseETag">The <c>ETag</c> header of a single-entity read, which wins over <c>odata.etag</c>.</param>
    public static TableEntity Deserialize(JsonElement element, ETag? responseETag = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"The Table service returned a {element.ValueKind} where an entity object was expected.");
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        var etag = default(ETag);
        var values = new List<KeyValuePair<string, object?>>();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                etag = new ETag(property.Value.GetString()!);
                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            types.TryGetValue(name, out var edmType);
            if (name == TableEntity.TimestampName)
            {
                edmType ??= EdmDateTime;
            }

            values.Add(new(name, ReadValue(name, property.Value, edmType)));
        }

        return TableEntity.FromService(values, responseETag ?? etag);
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(name + TypeSuffix, EdmInt64);
                break;
            case double d:
                WriteDouble(writer, name, d);
                writer.WriteString(name + TypeSuffix, EdmDouble);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset dto:
                writer.WriteString(name, FormatDateTime(dto));
                writer.WriteString(name + TypeSuffix, EdmDateTime);
                break;
            case Guid g:
                writer.WriteString(name, g.ToString("D"));
                writer.WriteString(name + TypeSuffix, EdmGuid);
                break;
            case byte[] bytes:
                writer.WriteBase64String(name, bytes);
                writer.WriteString(name + TypeSuffix, EdmBinary);
                break;
            case BinaryData data:
                writer.WriteBase64String(name, data.ToMemory().Span);
                writer.WriteString(name + TypeSuffix, EdmBinary);
                break;
            default:
                // TableEntity refuses other types when they are set, so reaching here is a bug in this library.
                throw new InvalidOperationException($"Property '{name}' has unsupported type {value.GetType().Name}.");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double value)
    {
        // JSON has no NaN or infinities; OData writes them as strings under an Edm.Double annotation.
        if (double.IsNaN(value))
        {
            writer.WriteString(name, "NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteString(name, "Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteString(name, "-Infinity");
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    private static object? ReadValue(string name, JsonElement value, string? edmType)
    {
        try
        {
            return (edmType, value.ValueKind) switch
            {
                (_, JsonValueKind.Null) => null,
                (EdmInt64, JsonValueKind.String) => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                (EdmInt64, JsonValueKind.Number) => value.GetInt64(),
                (EdmInt32, _) => value.ValueKind == JsonValueKind.String
                    ? int.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : value.GetInt32(),
                (EdmDouble, JsonValueKind.String) => ParseDouble(value.GetString()!),
                (EdmDouble, JsonValueKind.Number) => value.GetDouble(),
                (EdmDateTime, JsonValueKind.String) => DateTimeOffset.Parse(
                    value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                (EdmGuid, JsonValueKind.String) => Guid.Parse(value.GetString()!),
                (EdmBinary, JsonValueKind.String) => value.GetBytesFromBase64(),
                (_, JsonValueKind.String) => value.GetString(),
                (_, JsonValueKind.True) => true,
                (_, JsonValueKind.False) => false,
                (_, JsonValueKind.Number) => ReadUntypedNumber(value),
                _ => throw new FormatException($"unexpected JSON {value.ValueKind}"),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new FormatException($"The Table service returned property '{name}' ({edmType ?? "untyped"}) in a form this client cannot read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Without an annotation the service means Int32 for integers and Double for anything with a fraction or
    /// exponent; Int64 always comes annotated, so a larger integer can only be a double written sloppily.
    /// </summary>
    private static object ReadUntypedNumber(JsonElement value) =>
        value.TryGetInt32(out var i) ? (object)i : value.GetDouble();

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
