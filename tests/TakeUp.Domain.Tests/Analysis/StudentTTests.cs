using TakeUp.Domain.Analysis;

namespace TakeUp.Domain.Tests.Analysis;

public class StudentTTests
{
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(2, 4.303)]
    [InlineData(10, 2.228)]
    [InlineData(11, 2.201)]
    [InlineData(13, 2.160)]
    [InlineData(30, 2.042)]
    [InlineData(120, 1.980)]
    [InlineData(100_000, 1.960)]
    public void The_two_sided_95_percent_multiplier_matches_the_published_t_table(int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentT.TwoSided95(degreesOfFreedom), 3);
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(0.9)]
    [InlineData(0.975)]
    [InlineData(0.999)]
    public void With_one_degree_of_freedom_it_is_the_Cauchy_distribution(double p)
    {
        Assert.Equal(Math.Tan(Math.PI * (p - 0.5)), StudentT.Quantile(p, 1), 9);
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.975)]
    [InlineData(0.9995)]
    public void With_two_degrees_of_freedom_it_matches_the_closed_form(double p)
    {
        var expected = (2 * p - 1) / Math.Sqrt(2 * p * (1 - p));

        Assert.Equal(expected, StudentT.Quantile(p, 2), 8);
    }

    [Fact]
    public void The_distribution_is_symmetric_about_zero()
    {
        Assert.Equal(0.5, StudentT.Cdf(0, 7), 12);
        Assert.Equal(0, StudentT.Quantile(0.5, 7));
        Assert.Equal(-StudentT.Quantile(0.975, 7), StudentT.Quantile(0.025, 7), 10);
        Assert.Equal(1 - StudentT.Cdf(1.3, 7), StudentT.Cdf(-1.3, 7), 12);
    }

    [Theory]
    [InlineData(3, 0.8)]
    [InlineData(11, 0.975)]
    [InlineData(50, 0.99)]
    public void The_quantile_inverts_the_distribution_function(int degreesOfFreedom, double p)
    {
        Assert.Equal(p, StudentT.Cdf(StudentT.Quantile(p, degreesOfFreedom), degreesOfFreedom), 10);
    }

    [Theory]
    [InlineData(0.0, 5)]
    [InlineData(1.0, 5)]
    [InlineData(0.5, 0)]
    public void Probabilities_outside_0_to_1_and_zero_degrees_of_freedom_are_refused(double p, int degreesOfFreedom)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(p, degreesOfFreedom));
    }
}
