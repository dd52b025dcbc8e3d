namespace TakeUp.Functions.Http;

/// <summary>
/// The query parameters an HTTP function reads. Any other is refused with 400 before the function
/// runs (a misspelt <c>perod=month</c> must not quietly return days); a function without this
/// attribute takes none.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QueryParametersAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
