using FsCheck;
using FsCheck.Fluent;
using TakeUp.Domain.Analysis;

namespace TakeUp.Domain.Tests.Analysis;

public class SupportWaitingMeasuresTests
{
    [Fact]
    public void Ten_waits_give_the_mean_of_the_middle_two_as_median_and_the_ninth_as_90th_percentile()
    {
        var measures = SupportWaitingMeasures.From([20, 0, 8, 1, 7, 2, 6, 3, 5, 4], standardDays: 5);

        Assert.Equal(10, measures.Count);
        Assert.Equal(4.5, measures.MedianWorkingDays);
        Assert.Equal(8, measures.Percentile90WorkingDays); // rank ⌈0.9 × 10⌉ = 9 of 0,1,2,3,4,5,6,7,8,20
        Assert.Equal((6L, 10L), (measures.WithinStandard.Numerator, measures.WithinStandard.Denominator));
        Assert.Equal(0.6, measures.WithinStandard.Value);
        Assert.Equal("support-within-standard", measures.WithinStandard.Method.Name);
    }

    [Fact]
    public void An_odd_count_has_the_middle_wait_as_median_and_one_wait_is_every_percentile()
    {
        var three = SupportWaitingMeasures.From([3, 1, 2], 5);
        var one = SupportWaitingMeasures.From([7], 5);

        Assert.Equal((2.0, 3), (three.MedianWorkingDays, three.Percentile90WorkingDays));
        Assert.Equal((7.0, 7), (one.MedianWorkingDays, one.Percentile90WorkingDays));
        Assert.Equal(0.0, one.WithinStandard.Value);
    }

    [Fact]
    public void No_requests_give_no_figures_rather_than_zeros()
    {
        var measures = SupportWaitingMeasures.From([], 5);

        Assert.Equal(0, measures.Count);
        Assert.Null(measures.MedianWorkingDays);
        Assert.Null(measures.Percentile90WorkingDays);
        Assert.Null(measures.WithinStandard.Value);
    }

    [Fact]
    public void A_negative_wait_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportWaitingMeasures.From([1, -1], 5));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 9)]
    [InlineData(10, 9)]
    [InlineData(11, 10)]
    [InlineData(20, 18)]
    [InlineData(21, 19)]
    public void The_90th_percentile_rank_is_the_ceiling_of_nine_tenths_of_the_count(int count, int rank)
    {
        Assert.Equal(rank, SupportWaitingMeasures.NearestRank(count, 90));
    }

    [Fact]
    public void The_percentiles_are_waits_that_were_measured_and_the_90th_is_never_below_the_median()
    {
        var waits = Gen.NonEmptyListOf(Gen.Choose(0, 60)).ToArbitrary();
        Prop.ForAll(waits, list =>
        {
            var measures = SupportWaitingMeasures.From(list, 5);

            Assert.Contains(measures.Percentile90WorkingDays!.Value, list);
            Assert.InRange(measures.MedianWorkingDays!.Value, list.Min(), list.Max());
            Assert.True(measures.Percentile90WorkingDays >= measures.MedianWorkingDays);
            Assert.Equal(list.Count(w => w <= 5), measures.WithinStandard.Numerator);
        }).QuickCheckThrowOnFailure();
    }
}
