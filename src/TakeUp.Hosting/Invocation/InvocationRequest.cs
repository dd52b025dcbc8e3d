using System.Buffers;
using System.Globalization;
using System.Text.Json;
using TakeUp.Hosting.Invocation;

namespace TakeUp.Hosting;

/// <summary>
/// The body the Functions host posts to <c>/{FunctionName}</c> for a non-HTTP trigger:
/// <c>{"Data":{binding: value},"Metadata":{name: value}}</c>. Values are kept as JSON because
/// the host encodes them loosely (strings serialized twice, numbers as strings); the trigger
/// readers interpret them.
/// </summary>
public sealed class InvocationRequest
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public InvocationRequest(
        IReadOnlyDictionary<string, JsonElement> data,
        IReadOnlyDictionary<string, JsonElement> metadata,
        string? invocationId = null)
    {
        Data = Copy(data);
        Metadata = Copy(metadata);
        InvocationId = invocationId;
    }

    /// <summary>Input binding values by binding name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, JsonElement> Data { get; }

    /// <summary>Trigger metadata by name (case-insensitive), e.g. <c>DequeueCount</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; }

    /// <summary>The host's <c>X-Azure-Functions-InvocationId</c>, when it sent one.</summary>
    public string? InvocationId { get; }

    /// <summary>Reads the envelope. Missing <c>Data</c> or <c>Metadata</c> are taken as empty.</summary>
    /// <exception cref="FormatException">The body is not a JSON object.</exception>
    public static InvocationRequest Parse(ReadOnlyMemory<byte> utf8Json, string? invocationId = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The invocation body is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException(
                    $"The invocation body must be a JSON object with 'Data' and 'Metadata', not a JSON {document.RootElement.ValueKind}.");
            }

            return new InvocationRequest(
                Section(document.RootElement, "Data"),
                Section(document.RootElement, "Metadata"),
                invocationId);
        }
    }

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, string?)"/>
    public static async Task<InvocationRequest> ReadAsync(Stream body, string? invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return Parse(buffer.GetBuffer().AsMemory(0, checked((int)buffer.Length)), invocationId);
    }

    /// <summary>
    /// Builds the request the Functions host would send for a queue message, encoded as the host
    /// encodes it (message and metadata strings serialized once more), so local runs exercise the
    /// same reading path as Azure.
    /// </summary>
    public static InvocationRequest ForQueueMessage(TriggerMessage message, string? invocationId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Build(writer =>
        {
            writer.WriteStartObject("Data");
            writer.WriteString(QueueTriggerPayload.BindingName, JsonSerializer.Serialize(message.Text, HostingJsonContext.Default.String));
            writer.WriteEndObject();

            writer.WriteStartObject("Metadata");
            writer.WriteString("DequeueCount", message.DequeueCount.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("Id", JsonSerializer.Serialize(message.Id, HostingJsonContext.Default.String));
            writer.WriteString("PopReceipt", JsonSerializer.Serialize(message.PopReceipt, HostingJsonContext.Default.String));
            WriteTime(writer, "InsertionTime", message.InsertedOn);
            WriteTime(writer, "ExpirationTime", message.ExpiresOn);
            WriteTime(writer, "NextVisibleTime", message.NextVisibleOn);
            writer.WriteEndObject();
        }, invocationId);
    }

    /// <summary>Builds the request the Functions host would send for a timer occurrence.</summary>
    public static InvocationRequest ForTimer(TimerInfo timer, string? invocationId = null)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return Build(writer =>
        {
            writer.WriteStartObject("Data");
            writer.WriteStartObject(TimerTriggerPayload.BindingName);
            writer.WriteStartObject("Schedule");
            writer.WriteBoolean("AdjustForDST", true);
            writer.WriteEndObject();
            if (timer.Next is null && timer.Last is null)
            {
                writer.WriteNull("ScheduleStatus");
            }
            else
            {
                // The host reports "never ran" as DateTime.MinValue rather than null.
                writer.WriteStartObject("ScheduleStatus");
                writer.WriteString("Last", (timer.Last ?? DateTimeOffset.MinValue).ToString("O", CultureInfo.InvariantCulture));
                writer.WriteString("Next", (timer.Next ?? DateTimeOffset.MinValue).ToString("O", CultureInfo.InvariantCulture));
                writer.WriteString("LastUpdated", (timer.Last ?? DateTimeOffset.MinValue).ToString("O", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteBoolean("IsPastDue", timer.IsPastDue);
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartObject("Metadata");
            writer.WriteEndObject();
        }, invocationId);
    }

    private static InvocationRequest Build(Action<Utf8JsonWriter> writeSections, string? invocationId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeSections(writer);
            writer.WriteEndObject();
        }

        return Parse(buffer.WrittenMemory, invocationId);
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    private static Dictionary<string, JsonElement> Section(JsonElement root, string name)
    {
        var section = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetPropertyIgnoreCase(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                section[property.Name] = property.Value.Clone();
            }
        }

        return section;
    }

    private static Dictionary<string, JsonElement> Copy(IReadOnlyDictionary<string, JsonElement> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in source)
        {
            copy[key] = value;
        }

        return copy;
    }
}
