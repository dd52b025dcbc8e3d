namespace TakeUp.Domain.Analysis;

/// <summary>
/// Student's t distribution, for the confidence interval of a trend's slope. The quantile is the exact
/// numerical inverse of the distribution function (bisection on the regularized incomplete beta
/// function), correct for every number of degrees of freedom, not a table.
/// </summary>
public static class StudentT
{
    private const int MaxBetaIterations = 100_000;
    private const double BetaEpsilon = 1e-15;
    private const double Tiny = 1e-300;

    // Lanczos approximation, g = 7, n = 9: log-gamma to about 15 significant digits for x >= 0.5.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>P(T ≤ t) for T with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double Cdf(double t, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            throw new ArgumentException("t is not a number.", nameof(t));
        }

        double df = degreesOfFreedom;
        var x = df / (df + t * t);
        var tail = 0.5 * RegularizedIncompleteBeta(df / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/>, e.g. <c>Quantile(0.975, 10)</c> = 2.228.</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is needed.");
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        if (p == 0.5)
        {
            return 0;
        }

        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            low = high;
            high *= 2;
            if (double.IsInfinity(high))
            {
                throw new ArgumentOutOfRangeException(nameof(p), p, "The probability is too close to 1 for a finite quantile.");
            }
        }

        for (var i = 0; i < 200 && high - low > 1e-13 * high; i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle, degreesOfFreedom) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>The multiplier of a two-sided 95% interval: <c>Quantile(0.975, df)</c>.</summary>
    public static double TwoSided95(int degreesOfFreedom) => Quantile(0.975, degreesOfFreedom);

    /// <summary>I_x(a, b), by the continued fraction of Numerical Recipes §6.4 (modified Lentz).</summary>
    internal static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - front * ContinuedFraction(b, a, 1 - x) / b;
    }

    internal static double LogGamma(double x)
    {
        if (!(x >= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Only arguments of 0.5 or more are needed here.");
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        d = 1 / NotTiny(d);
        var h = d;
        for (var m = 1; m <= MaxBetaIterations; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 / NotTiny(1 + aa * d);
            c = NotTiny(1 + aa / c);
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 / NotTiny(1 + aa * d);
            c = NotTiny(1 + aa / c);
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < BetaEpsilon)
            {
                return h;
            }
        }

        throw new InvalidOperationException($"The incomplete beta function did not converge for a = {a}, b = {b}, x = {x}.");
    }

    private static double NotTiny(double value) => Math.Abs(value) < Tiny ? Tiny : value;
}
