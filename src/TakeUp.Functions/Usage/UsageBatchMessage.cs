namespace TakeUp.Functions.Usage;

/// <summary>
/// A message on the <c>usage-batches</c> queue: written by <c>SubmitUsage</c>, or directly by a
/// departmental system (schema in docs/api.md). At most 64 KiB once base64-encoded.
/// </summary>
public sealed record UsageBatchMessage
{
    /// <summary>Chosen by the producer and never reused: it is what makes applying the batch exactly-once.</summary>
    public string? BatchId { get; init; }

    /// <summary><c>increments</c> (the default for queue producers) or <c>totals</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Set by <c>SubmitUsage</c>, which splits a large submission into chunks under one receipt.</summary>
    public string? ReceiptId { get; init; }

    public int? Chunk { get; init; }

    public string? SubmittedBy { get; init; }

    /// <summary>
    /// When the submission was accepted (set by <c>SubmitUsage</c>): it orders restatements, the
    /// latest accepted winning. Other producers may leave it out; the message's time on the queue
    /// stands in.
    /// </summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    public IReadOnlyList<UsageRowDocument>? Rows { get; init; }

    /// <summary>The producer's trace (W3C traceparent), so applying the batch joins the submission's trace. Optional.</summary>
    public string? TraceParent { get; init; }
}
