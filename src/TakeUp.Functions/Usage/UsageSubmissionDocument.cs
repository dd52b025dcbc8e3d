namespace TakeUp.Functions.Usage;

/// <summary>The JSON body of <c>POST api/usage</c>.</summary>
public sealed record UsageSubmissionDocument
{
    /// <summary><c>totals</c> (the default) or <c>increments</c>.</summary>
    public string? Mode { get; init; }

    public IReadOnlyList<UsageRowDocument>? Rows { get; init; }
}
