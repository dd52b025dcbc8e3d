namespace TakeUp.Hosting;

/// <summary>
/// The timer trigger's view of its schedule, as the Functions host reports it: the schedule
/// status recorded before this run.
/// </summary>
/// <param name="IsPastDue">True when this run is late because the app was down at the due time.</param>
/// <param name="Last">When the previous run happened; null before the first recorded run.</param>
/// <param name="Next">The occurrence this run serves (for a late run, the one that was missed).</param>
public sealed record TimerInfo(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next);
