using System.Text.Json;
using System.Text.Json.Nodes;
using TakeUp.LocalHost.Grpc.Protocol;

namespace TakeUp.LocalHost.Functions;

/// <summary>A function as the worker reported it (worker indexing): its name, trigger and bindings.</summary>
public sealed class LocalFunction
{
    internal LocalFunction(RpcFunctionMetadata metadata)
    {
        Metadata = metadata;
        Name = metadata.Name;
        Id = metadata.FunctionId;
        Bindings = metadata.RawBindings.Select(raw => JsonNode.Parse(raw) as JsonObject ?? []).ToArray();
        Trigger = Bindings.FirstOrDefault(b => (b["type"]?.GetValue<string>() ?? "").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)) ?? [];
    }

    /// <summary>The function's name, as in <c>[Function("...")]</c>.</summary>
    public string Name { get; }

    /// <summary>The id the worker gave it; invocations name it.</summary>
    public string Id { get; }

    /// <summary>The trigger's binding type, e.g. <c>httpTrigger</c>, <c>queueTrigger</c>, <c>timerTrigger</c>.</summary>
    public string TriggerType => Property(Trigger, "type") ?? "";

    /// <summary>The trigger's parameter name, which names its input data.</summary>
    public string TriggerName => Property(Trigger, "name") ?? "";

    internal RpcFunctionMetadata Metadata { get; }

    internal IReadOnlyList<JsonObject> Bindings { get; }

    internal JsonObject Trigger { get; }

    internal bool IsHttp => string.Equals(TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase);

    internal bool IsQueue => string.Equals(TriggerType, "queueTrigger", StringComparison.OrdinalIgnoreCase);

    internal bool IsTimer => string.Equals(TriggerType, "timerTrigger", StringComparison.OrdinalIgnoreCase);

    internal static string? Property(JsonObject binding, string name)
    {
        foreach (var (key, value) in binding)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && value is JsonValue v)
            {
                return v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
            }
        }

        return null;
    }

    internal static IReadOnlyList<string> Strings(JsonObject binding, string name)
    {
        foreach (var (key, value) in binding)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && value is JsonArray array)
            {
                return array.Select(item => item?.GetValue<string>() ?? "").ToArray();
            }
        }

        return [];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TriggerType})";
}
