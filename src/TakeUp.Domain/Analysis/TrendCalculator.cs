using TakeUp.Domain.Calendar;

namespace TakeUp.Domain.Analysis;

/// <summary>Turns a weekly series into a <see cref="TrendAnalysis"/>. Pure: the same weeks give the same answer.</summary>
public static class TrendCalculator
{
    /// <summary>The fewest judged weeks a trend line is fitted to (this project's choice: two degrees of freedom for its error).</summary>
    public const int MinimumWeeksForLine = 4;

    /// <param name="weeks">Complete ISO weeks, oldest first (e.g. <c>Rollup.By(PeriodKind.Week, …)</c> over a range of whole weeks). The last is "now".</param>
    /// <param name="targetShare">A take-up share (0 to 1) to find the date of, or null.</param>
    public static TrendAnalysis Analyse(IReadOnlyList<PeriodCounts> weeks, TrendSettings settings, double? targetShare)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WeeklySeries.Validate(weeks, nameof(weeks));
        if (targetShare is { } t && !(t >= 0 && t <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetShare), targetShare, "A share from 0 to 1 is needed (write 90% as 0.9).");
        }

        var n = weeks.Count;
        var totals = new long[n];
        var digital = new long[n];
        for (var i = 0; i < n; i++)
        {
            totals[i] = weeks[i].Counts.Total;
            digital[i] = weeks[i].Counts.Digital;
        }

        bool Judged(int i) => totals[i] >= settings.MinimumVolume;

        double? MovingAverage(int i, int window)
        {
            var first = weeks[i].Period.Start.AddDays(-7 * (window - 1));
            long sumDigital = 0, sumTotal = 0;
            for (var j = i; j >= 0 && weeks[j].Period.Start >= first; j--)
            {
                if (Judged(j))
                {
                    sumDigital = checked(sumDigital + digital[j]);
                    sumTotal = checked(sumTotal + totals[j]);
                }
            }

            return sumTotal == 0 ? null : (double)sumDigital / sumTotal;
        }

        var points = new TrendPoint[n];
        for (var i = 0; i < n; i++)
        {
            points[i] = new TrendPoint(
                weeks[i].Period,
                totals[i],
                totals[i] == 0 ? null : (double)digital[i] / totals[i],
                MovingAverage(i, settings.ShortWindow),
                MovingAverage(i, settings.LongWindow),
                !Judged(i));
        }

        if (n == 0)
        {
            return new TrendAnalysis(null, points, null, null, null, targetShare, 0, settings);
        }

        var now = weeks[^1].Period;
        var windowStart = now.Start.AddDays(-7 * (settings.LongWindow - 1));
        var fitted = Enumerable.Range(0, n).Where(i => weeks[i].Period.Start >= windowStart && Judged(i)).ToList();
        var line = fitted.Count >= MinimumWeeksForLine ? FitLine(now, fitted.Select(i => points[i]).ToList()) : null;

        double? weekOnWeek = null;
        if (n >= 2 && weeks[^2].Period.Start == now.Start.AddDays(-7) && Judged(n - 1) && Judged(n - 2))
        {
            weekOnWeek = (points[^1].TakeUp!.Value - points[^2].TakeUp!.Value) * 100;
        }

        var reaches = targetShare is { } share && line is not null ? line.Reaches(share) : null;
        return new TrendAnalysis(now, points, line, weekOnWeek, reaches, targetShare, fitted.Count, settings);
    }

    private static TrendLine FitLine(Period now, IReadOnlyList<TrendPoint> points)
    {
        var x = points.Select(p => (p.Week.Start.DayNumber - now.Start.DayNumber) / 7.0).ToArray();
        var y = points.Select(p => p.TakeUp!.Value * 100).ToArray();
        var fit = LeastSquares.Fit(x, y);
        var halfWidth = StudentT.TwoSided95(fit.DegreesOfFreedom) * fit.SlopeStandardError;
        return new TrendLine(fit.Slope, fit.Slope - halfWidth, fit.Slope + halfWidth, fit.Intercept, fit.SlopeStandardError, now,
            points.Select(p => p.Week).ToList());
    }
}
