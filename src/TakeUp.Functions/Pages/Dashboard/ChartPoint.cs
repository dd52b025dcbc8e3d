namespace TakeUp.Functions.Pages.Dashboard;

/// <summary>One period on the take-up chart: both measures as shares (0 to 1), null where there were no transactions.</summary>
public sealed record ChartPoint(string Label, double? DigitalTakeUp, double? IndependentDigitalTakeUp);

/// <summary>The trend line over the weeks it was fitted to: its value at the first and the last of them, as shares.</summary>
public sealed record ChartTrend(int FromIndex, int ToIndex, double From, double To);
