namespace TakeUp.Functions.Http;

/// <summary>
/// The largest body an HTTP function accepts; larger ones are refused with 413 naming the limit
/// before the function runs. Functions without it get <see cref="DefaultBytes"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MaxRequestBodySizeAttribute(long bytes) : Attribute
{
    public const long DefaultBytes = 1024 * 1024;

    public long Bytes { get; } = bytes;
}
