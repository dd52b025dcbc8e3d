namespace TakeUp.Functions.Http;

/// <summary>
/// What an HTTP function reads from its body, for the OpenAPI description: the JSON shape, and
/// the other media types it also takes (CSV).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodyAttribute(Type type, params string[] contentTypes) : Attribute
{
    public Type Type { get; } = type;

    public IReadOnlyList<string> ContentTypes { get; } = contentTypes.Length == 0 ? ["application/json"] : contentTypes;
}
