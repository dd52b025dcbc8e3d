using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Services;

/// <summary>A service in the catalogue: who runs it, what it is measured against, who hears about it.</summary>
public sealed record ServiceRecord(
    ServiceId Id,
    string Name,
    DepartmentId Department,
    string DepartmentName,
    long? YearlyVolume,
    TakeUpTarget? TakeUpTarget,
    FeedFrequency FeedFrequency,
    InclusionBaseline? InclusionBaseline,
    int? SupportStandardDays,
    IReadOnlyList<Channel> OfflineChannels,
    IReadOnlyList<string> Managers,
    IReadOnlyList<AlertRoute> AlertRoutes);
