using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace TakeUp.LocalHost.SampleApp;

/// <summary>What a non-HTTP function received, as the tests read it back.</summary>
public sealed record InvocationRecord(string Function, string Input, IReadOnlyDictionary<string, string> Details);

/// <summary>
/// Keeps what queue and timer functions received, in memory (tests hosting the worker in-process
/// read <see cref="Records"/>) and, when <c>SampleRecordDirectory</c> is set, as one JSON file per
/// invocation (tests running the worker as a child process read those).
/// </summary>
public sealed class InvocationRecorder(IConfiguration configuration)
{
    private readonly string? _directory = configuration["SampleRecordDirectory"] is { Length: > 0 } d ? d : null;

    public ConcurrentQueue<InvocationRecord> Records { get; } = new();

    public void Record(InvocationRecord record)
    {
        Records.Enqueue(record);
        if (_directory is not null)
        {
            Directory.CreateDirectory(_directory);
            var path = Path.Combine(_directory, $"{record.Function}-{Guid.NewGuid():N}.json");
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(record));
            File.Move(path + ".tmp", path);
        }
    }
}
