using FsCheck;
using FsCheck.Fluent;
using TakeUp.Domain.Measures;

namespace TakeUp.Domain.Tests.Analysis;

public class TakeUpPropertyTests
{
    [Fact]
    public void Take_up_is_always_between_0_and_1_for_any_counts_and_missing_only_when_there_is_nothing_to_divide_by()
    {
        Prop.ForAll(Generators.Counts.ToArbitrary(), counts =>
        {
            var figures = TakeUpFigures.From(counts);
            foreach (var ratio in new[] { figures.DigitalTakeUp, figures.IndependentDigitalTakeUp, figures.AssistedDigitalShare })
            {
                Assert.Equal(ratio.Denominator == 0, ratio.Value is null);
                if (ratio.Value is { } value)
                {
                    Assert.InRange(value, 0.0, 1.0);
                }
            }
        }).QuickCheckThrowOnFailure();
    }
}
