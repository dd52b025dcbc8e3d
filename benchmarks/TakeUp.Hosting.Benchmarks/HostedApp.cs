using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;

namespace TakeUp.Hosting.Benchmarks;

/// <summary>What the host's <c>GET /admin/host/status</c> says about its worker.</summary>
internal sealed record WorkerStatus(int Generation, int ProcessId, double ReadyAfterMilliseconds);

/// <summary>
/// One function app run by the local Functions host, as <c>dotnet run --project src/TakeUp.LocalHost</c>
/// runs it: the host a child of this process, the app's worker a child of the host, on a free
/// loopback port and a data folder of its own. Timed from just before the host process starts.
/// </summary>
internal sealed class HostedApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly Stopwatch _sinceStart;
    private readonly List<string> _output = [];
    private readonly string _dataDirectory;

    private HostedApp(Process process, Stopwatch sinceStart, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        _sinceStart = sinceStart;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public int HostProcessId => _process.Id;

    public static string LocalHostPath() => BuildMetadata("LocalHostPath");

    public static string FunctionsAppFolder() => BuildMetadata("FunctionsAppFolder");

    public static string SampleAppFolder() => BuildMetadata("SampleAppFolder");

    public static string Configuration() => BuildMetadata("Configuration");

    /// <summary>Starts the host over <paramref name="appFolder"/>; environment variables (given the run's data folder) win over its local.settings.json.</summary>
    public static HostedApp Start(string appFolder, Func<string, IReadOnlyDictionary<string, string>> environment)
    {
        var localHost = LocalHostPath();
        foreach (var path in new[] { localHost, Path.Combine(appFolder, "worker.config.json") })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} is not built. Build this benchmark with -c Release, which builds the host and both apps.");
            }
        }

        var port = FreeLoopbackPort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "takeup-hosting-benchmark-" + Guid.NewGuid().ToString("N"));
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { localHost, "--script-root", appFolder, "--port", port.ToString(CultureInfo.InvariantCulture), "--data", dataDirectory, "--no-build" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment(dataDirectory))
        {
            startInfo.Environment[key] = value;
        }

        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
        var app = new HostedApp(process, sinceStart, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), dataDirectory);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls <paramref name="path"/> every 10 ms; the time from the host's start to its first 200.</summary>
    public async Task<TimeSpan> FirstAnswerAsync(string path, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} while starting. It said:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return _sinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The client's own timeout.
            }

            if (_sinceStart.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"{path} did not answer 200 within {StartTimeout.TotalSeconds:0} s. The host said:{Environment.NewLine}{RecentOutput()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    /// <summary>The worker as the host reports it, through its admin API and master key.</summary>
    public async Task<WorkerStatus> WorkerAsync(CancellationToken cancellationToken)
    {
        using var keys = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "host-keys.json"), cancellationToken));
        using var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", keys.RootElement.GetProperty("masterKey").GetString());
        using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("admin/host/status", UriKind.Relative), cancellationToken));
        var worker = status.RootElement.GetProperty("worker");
        return new WorkerStatus(
            worker.GetProperty("generation").GetInt32(),
            worker.GetProperty("processId").GetInt32(),
            worker.GetProperty("readyAfterMilliseconds").GetDouble());
    }

    /// <summary>Waits until <paramref name="count"/> lines of the host's output (its own or the worker's) contain <paramref name="text"/>; returns the first.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken, int count = 1)
    {
        var waited = Stopwatch.StartNew();
        while (Said(text).Count < count)
        {
            if (_process.HasExited || waited.Elapsed > timeout)
            {
                throw new InvalidOperationException($"The host never said '{text}'. It said:{Environment.NewLine}{RecentOutput()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return Said(text)[0];
    }

    /// <summary>Resident memory of a process now, in MiB.</summary>
    public static double ResidentMegabytes(int processId)
    {
        using var process = Process.GetProcessById(processId);
        process.Refresh();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Gone already, or the operating system finishes the kill.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
    }

    private List<string> Said(string text)
    {
        lock (_output)
        {
            return _output.Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
        }
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(60));
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private static string BuildMetadata(string key) =>
        typeof(HostedApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The benchmark was built without AssemblyMetadata '{key}'; build it from its project file.");

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
