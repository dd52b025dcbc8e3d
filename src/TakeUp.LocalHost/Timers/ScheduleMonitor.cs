using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TakeUp.LocalHost.Timers;

/// <summary>What the schedule monitor remembers of a timer between runs of the host.</summary>
/// <param name="Last">The occurrence that last ran; null before the first run.</param>
/// <param name="Next">The occurrence being waited for: if the host was down then, it runs late on start.</param>
internal sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>
/// The host's schedule monitor (a blob in Azure), as one file per timer under the data directory:
/// <c>{data}/timers/{FunctionName}.json</c>.
/// </summary>
internal sealed class ScheduleMonitor(LocalHostRuntime runtime, ILogger<ScheduleMonitor> logger)
{
    public const string FolderName = "timers";

    public string PathFor(string functionName) => Path.Combine(runtime.DataDirectory, FolderName, functionName + ".json");

    public async Task<ScheduleStatus?> ReadAsync(string functionName, CancellationToken cancellationToken)
    {
        var path = PathFor(functionName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<ScheduleStatus>(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            // A damaged status costs only the late run it would have detected.
            LocalHostLog.ScheduleStatusUnreadable(logger, functionName, path, ex.Message);
            return null;
        }
    }

    public async Task WriteAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        var path = PathFor(functionName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write then rename, so a crash mid-write never leaves half a status behind.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, status, cancellationToken: cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
