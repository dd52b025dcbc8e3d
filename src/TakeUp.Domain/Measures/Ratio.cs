namespace TakeUp.Domain.Measures;

/// <summary>A share with the counts behind it and the method that produced it. No value when the denominator is zero.</summary>
public sealed record Ratio(long Numerator, long Denominator, MeasureMethod Method)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}
