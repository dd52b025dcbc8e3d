namespace TakeUp.Hosting;

/// <summary>What a timer's schedule monitor remembers between runs of the app.</summary>
/// <param name="Last">When the timer last ran; null before its first run.</param>
/// <param name="Next">The occurrence it is waiting for; if the app was down then, it runs late on start.</param>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
