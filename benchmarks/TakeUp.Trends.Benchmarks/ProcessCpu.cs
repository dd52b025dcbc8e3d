using System.Diagnostics;
using System.Globalization;

namespace TakeUp.Trends.Benchmarks;

/// <summary>CPU time used by each of the three processes over one phase.</summary>
internal sealed record CpuUse(TimeSpan Wall, TimeSpan Emulator, TimeSpan App, TimeSpan Benchmark)
{
    /// <summary>Share of one core: Node.js runs the emulator's requests on one thread, so near 1.0 means it is the bottleneck.</summary>
    public static double Cores(TimeSpan cpu, TimeSpan wall) => wall > TimeSpan.Zero ? cpu / wall : 0;

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"Azurite {Emulator.TotalSeconds:N1} s ({Cores(Emulator, Wall):N2} cores), app {App.TotalSeconds:N1} s ({Cores(App, Wall):N2} cores), benchmark {Benchmark.TotalSeconds:N1} s ({Cores(Benchmark, Wall):N2} cores)");
}

/// <summary>
/// Reads the processor time of the emulator, the app (the local host and its worker) and this
/// program, to say which one a phase kept busy. The emulator is found as this program's child process running azurite.js (the
/// launcher does not expose its process id). Linux only; elsewhere the emulator's share is unknown.
/// </summary>
internal sealed class ProcessCpu(int? emulatorPid, int appPid)
{
    private readonly record struct Snapshot(long WallTicks, TimeSpan Emulator, TimeSpan App, TimeSpan Benchmark);

    private Snapshot _start;

    public static int? FindEmulator() =>
        ChildrenOf(Environment.ProcessId).Cast<int?>().FirstOrDefault(pid =>
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Contains("azurite", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false; // ended while being looked at
            }
        });

    /// <summary>The processes whose parent is <paramref name="parentPid"/> (Linux; none elsewhere).</summary>
    private static IEnumerable<int> ChildrenOf(int parentPid)
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            int parent;
            try
            {
                // The fields after the command's closing parenthesis: state, then the parent's id.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // ended while being looked at, or not ours
            }

            if (parent == parentPid)
            {
                yield return pid;
            }
        }
    }

    public void Start() => _start = Take();

    public CpuUse Stop()
    {
        var end = Take();
        return new CpuUse(
            Stopwatch.GetElapsedTime(_start.WallTicks, end.WallTicks),
            end.Emulator - _start.Emulator,
            end.App - _start.App,
            end.Benchmark - _start.Benchmark);
    }

    /// <summary>The app is the local host and its worker (the host's child process): both count.</summary>
    private Snapshot Take() => new(
        Stopwatch.GetTimestamp(),
        Cpu(emulatorPid),
        ChildrenOf(appPid).Aggregate(Cpu(appPid), (sum, child) => sum + Cpu(child)),
        Process.GetCurrentProcess().TotalProcessorTime);

    private static TimeSpan Cpu(int? pid)
    {
        if (pid is null)
        {
            return TimeSpan.Zero;
        }

        try
        {
            using var process = Process.GetProcessById(pid.Value);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return TimeSpan.Zero; // gone
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }
}
