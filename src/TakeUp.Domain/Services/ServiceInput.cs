namespace TakeUp.Domain.Services;

/// <summary>A catalogue entry as submitted (a CSV row or an API body), before validation.</summary>
public sealed record ServiceInput(
    int Row,
    string? Id,
    string? Name,
    string? Department,
    string? DepartmentName,
    string? YearlyVolume,
    string? TakeUpTargetShare,
    string? TakeUpTargetDate,
    string? FeedFrequency,
    string? InclusionBaselineShare,
    string? InclusionBaselineDate,
    string? SupportStandardDays,
    IReadOnlyList<string>? OfflineChannels,
    IReadOnlyList<string>? Managers,
    IReadOnlyList<string>? AlertRoutes);
