using FsCheck;
using FsCheck.Fluent;
using TakeUp.Domain.Analysis;

namespace TakeUp.Domain.Tests.Analysis;

public class LeastSquaresTests
{
    [Fact]
    public void Four_points_give_the_hand_computed_slope_intercept_and_standard_error()
    {
        // x̄ = -1.5, ȳ = 11.5, Sxy = 4, Sxx = 5: slope 0.8, intercept 11.5 + 0.8 × 1.5 = 12.7.
        // Residuals -0.3, 0.9, -0.9, 0.3: SSE 1.8, s² = 0.9, SE = √(0.9 / 5) = √0.18.
        var fit = LeastSquares.Fit([-3, -2, -1, 0], [10, 12, 11, 13]);

        Assert.Equal(0.8, fit.Slope, 12);
        Assert.Equal(12.7, fit.Intercept, 12);
        Assert.Equal(Math.Sqrt(0.18), fit.SlopeStandardError, 12);
        Assert.Equal(2, fit.DegreesOfFreedom);
        Assert.Equal(11.1, fit.ValueAt(-2), 12);
    }

    [Fact]
    public void Fewer_than_three_points_or_a_single_x_cannot_be_fitted()
    {
        Assert.Throws<ArgumentException>(() => LeastSquares.Fit([1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => LeastSquares.Fit([1, 1, 1], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => LeastSquares.Fit([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => LeastSquares.Fit([1, 2, 3], [1, double.NaN, 3]));
    }

    [Fact]
    public void Points_exactly_on_a_line_give_that_line_back_with_no_error()
    {
        var line = from slope in Gen.Choose(-500, 500)
                   from intercept in Gen.Choose(-1000, 1000)
                   from n in Gen.Choose(3, 20)
                   select (Slope: slope / 100.0, Intercept: intercept / 10.0, N: n);
        Prop.ForAll(line.ToArbitrary(), l =>
        {
            var x = Enumerable.Range(0, l.N).Select(i => (double)-i).ToArray();
            var y = x.Select(v => l.Intercept + l.Slope * v).ToArray();

            var fit = LeastSquares.Fit(x, y);

            Assert.Equal(l.Slope, fit.Slope, 9);
            Assert.Equal(l.Intercept, fit.Intercept, 9);
            Assert.True(fit.SlopeStandardError < 1e-9, $"standard error {fit.SlopeStandardError}");
        }).QuickCheckThrowOnFailure();
    }
}
