using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Usage;

/// <summary>What happened to a usage submission, as shown by <c>GET api/usage/receipts/{id}</c>.</summary>
public sealed record UsageReceipt(
    string Id,
    string Status,
    string Mode,
    string Source,
    string? SubmittedBy,
    int Rows,
    int Chunks,
    int ChunksApplied,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AppliedAt,
    IReadOnlyList<InputError> Errors)
{
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Failed = "failed";
}
