namespace TakeUp.Domain.Analysis;

/// <summary>
/// How trends and targets are judged. The defaults are this project's choices (docs/method.md, "Defaults").
/// </summary>
/// <param name="MinimumVolume">Completed transactions a week below which the week's take-up is not judged: it is left out of averages, the trend line and every rule.</param>
/// <param name="ShortWindow">Weeks in the short moving average (<see cref="TrendPoint.MovingAverage4"/>).</param>
/// <param name="LongWindow">Weeks in the long moving average (<see cref="TrendPoint.MovingAverage13"/>), the trend line and the rules' "last 13 weeks".</param>
public sealed record TrendSettings(int MinimumVolume = TrendSettings.DefaultMinimumVolume, int ShortWindow = 4, int LongWindow = 13)
{
    public const int DefaultMinimumVolume = 100;

    public static readonly TrendSettings Default = new();

    public int MinimumVolume { get; } = MinimumVolume >= 1
        ? MinimumVolume
        : throw new ArgumentOutOfRangeException(nameof(MinimumVolume), MinimumVolume, "The minimum weekly volume must be at least 1 transaction.");

    public int ShortWindow { get; } = ShortWindow >= 1
        ? ShortWindow
        : throw new ArgumentOutOfRangeException(nameof(ShortWindow), ShortWindow, "The short window must be at least 1 week.");

    public int LongWindow { get; } = LongWindow >= TrendCalculator.MinimumWeeksForLine
        ? LongWindow
        : throw new ArgumentOutOfRangeException(nameof(LongWindow), LongWindow,
            $"The long window must be at least {TrendCalculator.MinimumWeeksForLine} weeks, the fewest a trend line is fitted to.");
}
