namespace TakeUp.Domain.Analysis;

/// <summary>A straight line y = Intercept + Slope × x fitted by ordinary least squares, with the standard error of its slope.</summary>
/// <param name="SlopeStandardError">√(Σ residual² / (n − 2) / Σ (x − x̄)²); 0 when every point is on the line.</param>
public sealed record LinearFit(double Slope, double Intercept, double SlopeStandardError, int Count)
{
    public int DegreesOfFreedom => Count - 2;

    public double ValueAt(double x) => Intercept + Slope * x;
}

/// <summary>Ordinary least squares for one explanatory variable.</summary>
public static class LeastSquares
{
    /// <summary>
    /// Fits y against x. Needs at least 3 points (so the slope's error has a degree of freedom) and at
    /// least two different x. The y values are taken relative to the first before summing, which changes
    /// nothing in exact arithmetic and makes a constant series give a slope and an error of exactly 0.
    /// </summary>
    public static LinearFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"There are {x.Count} x values but {y.Count} y values.", nameof(y));
        }

        var n = x.Count;
        if (n < 3)
        {
            throw new ArgumentException($"A line with an error on its slope needs at least 3 points, not {n}.", nameof(x));
        }

        if (x.Concat(y).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value must be a finite number.", nameof(y));
        }

        var origin = y[0];
        double meanX = 0, meanU = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanU += y[i] - origin;
        }

        meanX /= n;
        meanU /= n;
        double sxx = 0, sxu = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            sxx += dx * dx;
            sxu += dx * (y[i] - origin - meanU);
        }

        if (sxx == 0)
        {
            throw new ArgumentException("Every x is the same, so no slope can be fitted.", nameof(x));
        }

        var slope = sxu / sxx;
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var residual = y[i] - origin - meanU - slope * (x[i] - meanX);
            sse += residual * residual;
        }

        var intercept = origin + meanU - slope * meanX;
        return new LinearFit(slope, intercept, Math.Sqrt(sse / (n - 2) / sxx), n);
    }
}
