namespace TakeUp.Functions.Trends;

/// <summary>
/// A service's trend as last computed: weekly digital take-up, its moving averages and the least
/// squares line over the last 13 weeks, in percentage points.
/// </summary>
/// <param name="LineAtLatestWeek">The trend line's value at the latest week, in percentage points; with the slope it draws the line.</param>
public sealed record TrendSummary(
    DateOnly AsOf,
    string? LatestWeek,
    double? LatestTakeUp,
    double? MovingAverage4,
    double? MovingAverage13,
    double? WeekOnWeekChangePoints,
    double? SlopePointsPerWeek,
    double? SlopeLow,
    double? SlopeHigh,
    int WeeksInLine,
    double? TargetShare,
    DateOnly? TargetDate,
    DateOnly? ReachesTargetOn,
    string ReachesTargetNote,
    string Method,
    string MethodVersion,
    double? LineAtLatestWeek = null);
