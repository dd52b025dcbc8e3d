using TakeUp.Domain.Analysis;

namespace TakeUp.Functions.TakeUp;

public sealed record CountValue(string Name, long Count);

/// <summary>What the assisted sessions logged in the report's range show.</summary>
public sealed record AssistedSessionsValue(
    long Sessions,
    IReadOnlyList<CountValue> ByRoute,
    IReadOnlyList<CountValue> ByReason,
    IReadOnlyList<CountValue> ByInclusionPoint,
    long InclusionPointNotRecorded,
    IReadOnlyList<CountValue> ByOutcome,
    MeasureValue Completion,
    MeasureValue OfflineCompletion)
{
    public static AssistedSessionsValue From(AssistedSessionMeasures m) => new(
        m.Sessions,
        m.ByRoute.Select(x => new CountValue(x.Key.Name, x.Value)).ToList(),
        m.ByReason.Select(x => new CountValue(x.Key.Name, x.Value)).ToList(),
        m.ByInclusionPoint.Select(x => new CountValue(x.Key.ToString(), x.Value)).ToList(),
        m.InclusionPointNotRecorded,
        m.ByOutcome.Select(x => new CountValue(x.Key.Name, x.Value)).ToList(),
        MeasureValue.From(m.Completion),
        MeasureValue.From(m.OfflineCompletion));
}

/// <summary>How long support requests resolved in the report's range waited, in working days.</summary>
public sealed record SupportWaitingValue(int Resolved, double? MedianWorkingDays, int? Percentile90WorkingDays, int StandardDays, MeasureValue WithinStandard)
{
    public static SupportWaitingValue From(SupportWaitingMeasures m) =>
        new(m.Count, m.MedianWorkingDays, m.Percentile90WorkingDays, m.StandardDays, MeasureValue.From(m.WithinStandard));
}
