using TakeUp.Domain.Calendar;
using TakeUp.Domain.Measures;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// A service's weekly digital take-up and where it is heading. "Now" is the last week of the series
/// given (<see cref="Now"/>), never the clock: the caller decides which weeks are complete (see
/// <see cref="WeeklySeries.CompleteBefore"/>).
/// </summary>
/// <param name="Now">The last week given; null when no week was given.</param>
/// <param name="Points">One per week given, oldest first.</param>
/// <param name="Line">The trend over the last <see cref="TrendSettings.LongWindow"/> weeks; null with fewer than <see cref="TrendCalculator.MinimumWeeksForLine"/> judged weeks there.</param>
/// <param name="WeekOnWeekChange">Take-up of <see cref="Now"/> minus that of the week before, in percentage points; null unless both weeks were judged.</param>
/// <param name="ReachesTarget">The Monday of the week the line first reaches <paramref name="TargetShare"/>; see <see cref="TrendLine.Reaches"/>.</param>
/// <param name="TargetShare">The share asked about, 0 to 1, if any.</param>
/// <param name="JudgedWeeks">Weeks in the last <see cref="TrendSettings.LongWindow"/> with at least the minimum volume.</param>
public sealed record TrendAnalysis(
    Period? Now,
    IReadOnlyList<TrendPoint> Points,
    TrendLine? Line,
    double? WeekOnWeekChange,
    DateOnly? ReachesTarget,
    double? TargetShare,
    int JudgedWeeks,
    TrendSettings Settings)
{
    /// <summary>The point for <see cref="Now"/>; null when no week was given.</summary>
    public TrendPoint? Latest => Points.Count == 0 ? null : Points[^1];

    /// <summary>The methods of the figures here: weekly take-up, the moving averages and the line.</summary>
    public static IReadOnlyList<MeasureMethod> Methods { get; } =
        [MeasureMethod.DigitalTakeUp, AnalysisMethods.TakeUpMovingAverage, AnalysisMethods.TakeUpTrend];
}

/// <summary>
/// One week of a trend. Take-up and the averages are shares from 0 to 1, as <see cref="Ratio.Value"/> is.
/// </summary>
/// <param name="Transactions">Completed transactions from every channel.</param>
/// <param name="TakeUp">Digital take-up (<see cref="MeasureMethod.DigitalTakeUp"/>); null with no transactions. Given even for a week below the minimum volume, which is then only not judged.</param>
/// <param name="MovingAverage4">
/// Take-up over the <see cref="TrendSettings.ShortWindow"/> calendar weeks ending with this one, leaving out
/// weeks below the minimum volume, weighted by volume: their digital transactions over their transactions
/// (<see cref="AnalysisMethods.TakeUpMovingAverage"/>). Null when none of those weeks is judged.
/// </param>
/// <param name="MovingAverage13">The same over <see cref="TrendSettings.LongWindow"/> weeks.</param>
/// <param name="BelowMinimumVolume">Fewer transactions than <see cref="TrendSettings.MinimumVolume"/>: the week is not judged.</param>
public sealed record TrendPoint(
    Period Week,
    long Transactions,
    double? TakeUp,
    double? MovingAverage4,
    double? MovingAverage13,
    bool BelowMinimumVolume)
{
    /// <summary>Whether the week counts in averages, the line and the rules.</summary>
    public bool IsJudged => !BelowMinimumVolume && TakeUp is not null;
}

/// <summary>
/// The least-squares line of weekly digital take-up, <em>in percent</em> (0 to 100), against the week.
/// Week indexes count from <see cref="Now"/> (0) backwards (−1, −2, …), so the slope is in percentage
/// points a week and <see cref="FittedNow"/> is the line's intercept.
/// </summary>
/// <param name="SlopePointsPerWeek">Percentage points of take-up gained a week (negative when falling).</param>
/// <param name="SlopeLow">Lower end of the 95% confidence interval for the slope: slope − t × standard error, t from Student's t with n − 2 degrees of freedom.</param>
/// <param name="SlopeHigh">Upper end of that interval.</param>
/// <param name="FittedNow">The line's value at <see cref="Now"/>, in percent. May be outside 0 to 100: a line does not know take-up is a share.</param>
/// <param name="SlopeStandardError">The slope's standard error, in points a week.</param>
/// <param name="Now">The last week of the series, whether or not it was judged.</param>
/// <param name="Weeks">The weeks fitted: the judged weeks in the last <see cref="TrendSettings.LongWindow"/>, oldest first.</param>
public sealed record TrendLine(
    double SlopePointsPerWeek,
    double SlopeLow,
    double SlopeHigh,
    double FittedNow,
    double SlopeStandardError,
    Period Now,
    IReadOnlyList<Period> Weeks)
{
    /// <summary>How far ahead a line is followed: a target reached later than this is "not on this trend" (this project's choice).</summary>
    public const int HorizonYears = 10;

    public MeasureMethod Method => AnalysisMethods.TakeUpTrend;

    public int DegreesOfFreedom => Weeks.Count - 2;

    /// <summary>The line's value, in percent, for the week starting <paramref name="monday"/>.</summary>
    public double ValueAt(DateOnly monday) => FittedNow + SlopePointsPerWeek * ((monday.DayNumber - Now.Start.DayNumber) / 7.0);

    /// <summary>
    /// The Monday of the first week, from <see cref="Now"/> on, whose fitted value is at least
    /// <paramref name="share"/> (0 to 1): <see cref="Now"/>'s Monday when the line is already there;
    /// null when it is below and not rising ("not on this trend"), or would get there only after
    /// <see cref="HorizonYears"/> years. A margin of 1e-9 points absorbs rounding, so a line that lands
    /// exactly on the target in a week counts that week.
    /// </summary>
    public DateOnly? Reaches(double share)
    {
        if (!(share >= 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share from 0 to 1 is needed (write 90% as 0.9).");
        }

        const double margin = 1e-9;
        var target = share * 100;
        if (FittedNow >= target - margin)
        {
            return Now.Start;
        }

        if (SlopePointsPerWeek <= 0)
        {
            return null;
        }

        var weeks = (target - FittedNow) / SlopePointsPerWeek;
        if (weeks > HorizonYears * 53)
        {
            return null;
        }

        var monday = Now.Start.AddDays(7 * (int)Math.Ceiling(weeks - margin));
        return monday > Now.Start.AddYears(HorizonYears) ? null : monday;
    }
}
