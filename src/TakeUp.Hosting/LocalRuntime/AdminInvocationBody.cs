using System.Text.Json.Serialization;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>The admin endpoint's body, as Core Tools accepts it: <c>{"input":"..."}</c>.</summary>
internal sealed record AdminInvocationBody([property: JsonPropertyName("input")] string? Input);
