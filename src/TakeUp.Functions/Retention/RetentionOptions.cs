using System.ComponentModel.DataAnnotations;

namespace TakeUp.Functions.Retention;

/// <summary>Settings under <c>Retention</c>: how long operational records are kept (docs/data.md).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Idempotency-Key answers: long enough for any client's retries.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Retention:IdempotencyRecords must be from 1 day to 10 years.")]
    public TimeSpan IdempotencyRecords { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Usage receipts: a feed owner can look back over a year of submissions.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Retention:UsageReceipts must be from 1 day to 10 years.")]
    public TimeSpan UsageReceipts { get; set; } = TimeSpan.FromDays(400);
}
