using System.Text.Json.Serialization;

namespace TakeUp.Hosting.Metadata;

/// <summary>The function.json the Functions host reads from <c>{FunctionName}/function.json</c>.</summary>
internal sealed record FunctionJson([property: JsonPropertyName("bindings")] IReadOnlyList<FunctionJsonBinding> Bindings);

/// <summary>One binding; properties that do not apply to its type are left out of the file.</summary>
internal sealed record FunctionJsonBinding
{
    [JsonPropertyName("authLevel"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthLevel { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("direction")]
    public required string Direction { get; init; }

    [JsonPropertyName("methods"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Methods { get; init; }

    [JsonPropertyName("route"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Route { get; init; }

    [JsonPropertyName("queueName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? QueueName { get; init; }

    [JsonPropertyName("connection"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Connection { get; init; }

    [JsonPropertyName("schedule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schedule { get; init; }

    [JsonPropertyName("useMonitor"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? UseMonitor { get; init; }
}
