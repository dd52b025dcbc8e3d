namespace TakeUp.Domain.Services;

/// <summary>A digital take-up share to reach by a date, e.g. 90% by 2027-03-31.</summary>
public sealed record TakeUpTarget(double Share, DateOnly By);

/// <summary>
/// Where the digital-inclusion target starts from: the share of transactions that needed assisted
/// digital support on a date. The target is for that share to fall by 25% every two years.
/// </summary>
public sealed record InclusionBaseline(double AssistedShare, DateOnly AsOf);
