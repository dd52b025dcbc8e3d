using TakeUp.Domain.Services;

namespace TakeUp.Domain.Usage;

/// <summary>One validated line of a usage feed: completed transactions for a service on a day, by channel.</summary>
public sealed record UsageRow(DateOnly Date, ServiceId Service, CountKey Key, long Count);

/// <summary>One line of a usage feed as submitted, before validation; fields are the text sent.</summary>
/// <param name="Row">The 1-based position in the submission, used in error messages.</param>
public sealed record UsageRowInput(int Row, string? Date, string? Service, string? Channel, string? Assisted, string? Count);

/// <summary>One reason a submission was refused.</summary>
public sealed record InputError(int Row, string Field, string Reason);
