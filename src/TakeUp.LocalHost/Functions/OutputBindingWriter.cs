using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Grpc.Protocol;
using TakeUp.LocalHost.Queues;

namespace TakeUp.LocalHost.Functions;

/// <summary>
/// Writes what a function returned to its output bindings. The local host writes queue outputs
/// (the bindings our apps use); HTTP outputs travel on the forwarded HTTP response instead.
/// </summary>
internal sealed class OutputBindingWriter(QueueClients queues, ILogger<OutputBindingWriter> logger)
{
    public async Task WriteAsync(LocalFunction function, InvocationResponse response, CancellationToken cancellationToken)
    {
        var values = response.OutputData.Where(o => o.Data is not null).ToDictionary(o => o.Name, o => o.Data, StringComparer.Ordinal);
        if (response.ReturnValue is not null && response.ReturnValue.DataCase != TypedData.DataOneofCase.None)
        {
            values["$return"] = response.ReturnValue;
        }

        foreach (var binding in function.Bindings)
        {
            var name = LocalFunction.Property(binding, "name") ?? "";
            var type = LocalFunction.Property(binding, "type") ?? "";
            if (!string.Equals(LocalFunction.Property(binding, "direction"), "Out", StringComparison.OrdinalIgnoreCase)
                || !values.TryGetValue(name, out var data)
                || string.Equals(type, "http", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!string.Equals(type, "queue", StringComparison.OrdinalIgnoreCase))
            {
                LocalHostLog.OutputBindingUnsupported(logger, name, function.Name, type);
                continue;
            }

            var queue = queues.For(LocalFunction.Property(binding, "queueName") ?? "", LocalFunction.Property(binding, "connection"));
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            foreach (var message in Messages(data))
            {
                await queue.SendMessageAsync(message, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>One message per item of a collection or JSON array, as the host's queue collector does.</summary>
    private static IEnumerable<BinaryData> Messages(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.String => [BinaryData.FromString(data.String)],
        TypedData.DataOneofCase.Json when JsonNode.Parse(data.Json) is JsonArray array =>
            array.Select(item => BinaryData.FromString(item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : item?.ToJsonString() ?? "null")),
        TypedData.DataOneofCase.Json => [BinaryData.FromString(data.Json)],
        TypedData.DataOneofCase.Bytes => [BinaryData.FromBytes(data.Bytes.Memory)],
        TypedData.DataOneofCase.CollectionString => data.CollectionString.String.Select(BinaryData.FromString),
        TypedData.DataOneofCase.CollectionBytes => data.CollectionBytes.Bytes.Select(b => BinaryData.FromBytes(b.Memory)),
        _ => [],
    };
}
