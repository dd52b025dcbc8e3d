namespace TakeUp.Hosting;

/// <summary>Keeps each timer's <see cref="ScheduleStatus"/> across restarts (the host's <c>useMonitor</c>).</summary>
public interface IScheduleMonitor
{
    /// <summary>The stored status, or null when the timer has none yet.</summary>
    Task<ScheduleStatus?> GetStatusAsync(string functionName, CancellationToken cancellationToken);

    Task UpdateStatusAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken);
}
