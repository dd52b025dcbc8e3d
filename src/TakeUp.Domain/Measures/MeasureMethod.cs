namespace TakeUp.Domain.Measures;

/// <summary>
/// Names the definition a figure was computed with, so figures from different eras and
/// services compare only when they share a method (design invariant 2).
/// </summary>
public sealed record MeasureMethod(string Name, string Version, string Definition)
{
    /// <summary>GOV.UK Service Manual, "Measuring digital take-up": assisted digital counts as digital.</summary>
    public static readonly MeasureMethod DigitalTakeUp = new(
        "digital-take-up",
        "service-manual-1",
        "Completed digital transactions, including those completed with assisted digital support, over completed transactions from every channel.");

    /// <summary>The 2013 Service Design Manual measure: assisted digital transactions are not counted as digital.</summary>
    public static readonly MeasureMethod IndependentDigitalTakeUp = new(
        "independent-digital-take-up",
        "service-design-manual-2013-1",
        "Completed digital transactions done without assisted digital support, over completed transactions from every channel.");

    /// <summary>How much of the digital channel depends on assisted digital support.</summary>
    public static readonly MeasureMethod AssistedDigitalShare = new(
        "assisted-digital-share",
        "1",
        "Completed digital transactions that had assisted digital support, over completed digital transactions.");
}
