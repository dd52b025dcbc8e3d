using System.Text.Json;
using System.Text.Json.Serialization;
using TakeUp.Functions.Json;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// Reads a list of texts (such as <c>reasons</c>) so that every wrong entry reaches validation and
/// is refused with its field named: each element is read as the text it carries (see
/// <see cref="ScalarTextConverter"/>), and a single value where an array was expected is read as a
/// list of one.
/// </summary>
public sealed class TextListConverter : JsonConverter<IReadOnlyList<string>?>
{
    private static readonly ScalarTextConverter Scalar = new();

    public override bool HandleNull => true;

    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return [Scalar.Read(ref reader, typeof(string), options) ?? ""];
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(Scalar.Read(ref reader, typeof(string), options) ?? "");
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string>? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
