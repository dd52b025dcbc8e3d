using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Stores each timer's status as <c>{DataDirectory}/timers/{FunctionName}.json</c>.</summary>
internal sealed class FileScheduleMonitor(IOptions<LocalRuntimeOptions> options, ILogger<FileScheduleMonitor> logger) : IScheduleMonitor
{
    public const string FolderName = "timers";

    public async Task<ScheduleStatus?> GetStatusAsync(string functionName, CancellationToken cancellationToken)
    {
        var path = PathFor(functionName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, HostingJsonContext.Default.ScheduleStatus, cancellationToken);
        }
        catch (JsonException ex)
        {
            // A damaged status only costs the late run it would have detected; start afresh.
            HostingLog.ScheduleStatusUnreadable(logger, functionName, path, ex.Message);
            return null;
        }
    }

    public async Task UpdateStatusAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        var path = PathFor(functionName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write then rename, so a crash mid-write never leaves a half-written status behind.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, status, HostingJsonContext.Default.ScheduleStatus, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private string PathFor(string functionName)
    {
        FunctionNames.Validate(functionName);
        return Path.Combine(options.Value.DataDirectory!, FolderName, functionName + ".json");
    }
}
