using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Measures;

/// <summary>The take-up measures for one set of counts. Per-service and cross-government views both use this.</summary>
public sealed record TakeUpFigures(Ratio DigitalTakeUp, Ratio IndependentDigitalTakeUp, Ratio AssistedDigitalShare)
{
    public static TakeUpFigures From(ChannelCounts counts) => new(
        new Ratio(counts.Digital, counts.Total, MeasureMethod.DigitalTakeUp),
        new Ratio(counts.IndependentDigital, counts.Total, MeasureMethod.IndependentDigitalTakeUp),
        new Ratio(counts.AssistedDigital, counts.Digital, MeasureMethod.AssistedDigitalShare));
}
