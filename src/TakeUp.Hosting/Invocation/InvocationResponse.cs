using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakeUp.Hosting.Invocation;

/// <summary>The custom-handler answer: <c>{"Outputs":{},"Logs":[...],"ReturnValue":null}</c>.</summary>
/// <remarks>Outputs stay empty: functions write to queues themselves rather than through output
/// bindings, whose base64 handling would corrupt some strings.</remarks>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, JsonElement> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] JsonElement? ReturnValue)
{
    public static InvocationResponse From(InvocationResult result) =>
        new(new Dictionary<string, JsonElement>(), result.Logs, null);
}
