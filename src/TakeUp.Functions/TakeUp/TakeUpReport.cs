using TakeUp.Domain.Measures;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.TakeUp;

/// <summary>A share as the API returns it: the value with the counts behind it and the method that produced it.</summary>
public sealed record MeasureValue(double? Value, long Numerator, long Denominator, string Method, string Version)
{
    public static MeasureValue From(Ratio ratio) =>
        new(ratio.Value is { } v ? Math.Round(v, 6) : null, ratio.Numerator, ratio.Denominator, ratio.Method.Name, ratio.Method.Version);
}

public sealed record ChannelCountValue(string Channel, string Assisted, bool Digital, long Count);

/// <summary>One period's counts and measures.</summary>
public sealed record TakeUpPeriodValue(
    string Period,
    DateOnly Start,
    DateOnly End,
    long Transactions,
    long Digital,
    long AssistedDigital,
    IReadOnlyList<ChannelCountValue> Channels,
    MeasureValue DigitalTakeUp,
    MeasureValue IndependentDigitalTakeUp,
    MeasureValue AssistedDigitalShare)
{
    public static TakeUpPeriodValue From(string label, DateOnly start, DateOnly end, ChannelCounts counts)
    {
        var figures = TakeUpFigures.From(counts);
        return new TakeUpPeriodValue(
            label, start, end, counts.Total, counts.Digital, counts.AssistedDigital,
            counts.Entries.Select(e => new ChannelCountValue(e.Key.Channel.Name, e.Key.Assisted.Name, e.Key.IsDigital, e.Value)).ToList(),
            MeasureValue.From(figures.DigitalTakeUp),
            MeasureValue.From(figures.IndependentDigitalTakeUp),
            MeasureValue.From(figures.AssistedDigitalShare));
    }
}

public sealed record MethodValue(string Name, string Version, string Definition)
{
    public static readonly IReadOnlyList<MethodValue> All =
        new[] { MeasureMethod.DigitalTakeUp, MeasureMethod.IndependentDigitalTakeUp, MeasureMethod.AssistedDigitalShare }
            .Select(m => new MethodValue(m.Name, m.Version, m.Definition)).ToList();
}

/// <summary>A rule's status as last evaluated by <c>ComputeServiceTrend</c> (or the hourly freshness check).</summary>
public sealed record TargetStatusValue(string Rule, string Status, string Reason, IReadOnlyList<Alerts.FigureValue> Figures, DateTimeOffset EvaluatedAt, string? OpenAlertId);

/// <summary>The answer of <c>GET api/services/{serviceId}/take-up</c>.</summary>
public sealed record ServiceTakeUpReport(
    string Service,
    string Period,
    DateOnly From,
    DateOnly To,
    TakeUpPeriodValue Total,
    IReadOnlyList<TakeUpPeriodValue> Periods,
    AssistedSessionsValue AssistedSessions,
    SupportWaitingValue SupportRequests,
    Trends.TrendSummary? Trend,
    IReadOnlyList<TargetStatusValue> Targets,
    IReadOnlyList<MethodValue> Methods);
