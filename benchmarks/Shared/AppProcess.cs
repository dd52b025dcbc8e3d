using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;

namespace TakeUp.Benchmarks.Shared;

/// <summary>
/// The real app, run from its Release build by the local Functions host (as
/// <c>dotnet run --project src/TakeUp.LocalHost</c> runs it: the host as a child process, the
/// worker as its child) on a free loopback port against the given storage. Ready once
/// <c>GET /api/health</c> answers 200 and the first start has written its development keys.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    /// <summary>The local host's process, to read how much processor time it and the worker used.</summary>
    public int ProcessId => _process.Id;

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public string DevKeysPath => Path.Combine(DataDirectory, "dev-keys.json");

    /// <summary>The local host's master key, which its admin API (running a timer now) requires.</summary>
    public string MasterKey()
    {
        using var keys = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "host-keys.json")));
        return keys.RootElement.GetProperty("masterKey").GetString()
            ?? throw new InvalidOperationException($"{DataDirectory}/host-keys.json has no masterKey.");
    }

    /// <summary>The app's build output, recorded when this benchmark was built (same configuration).</summary>
    public static string AppPath() => BuildMetadata("FunctionsAppPath");

    /// <summary>The local Functions host's build output, recorded when this benchmark was built.</summary>
    public static string LocalHostPath() => BuildMetadata("LocalHostPath");

    /// <summary>The configuration this benchmark, and so the app it runs, was built in.</summary>
    public static string Configuration() => BuildMetadata("Configuration");

    private static string BuildMetadata(string key) =>
        typeof(AppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The benchmark was built without AssemblyMetadata '{key}'; build it from its project file.");

    public static async Task<AppProcess> StartAsync(string appPath, string storageConnectionString, string dataDirectory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(appPath))
        {
            throw new InvalidOperationException($"The app is not built at {appPath}. Build this benchmark with -c Release, which builds the app too.");
        }

        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var localHost = LocalHostPath();
        if (!File.Exists(localHost))
        {
            throw new InvalidOperationException($"The local host is not built at {localHost}. Build this benchmark with -c Release, which builds it too.");
        }

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { localHost, "--script-root", Path.GetDirectoryName(appPath)!, "--port", port.ToString(CultureInfo.InvariantCulture), "--data", dataDirectory, "--no-build" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // As `dotnet run` starts it, but against this run's emulator and data directory; the
        // worker inherits these (environment variables win over local.settings.json).
        startInfo.Environment["AzureWebJobsStorage"] = storageConnectionString;
        startInfo.Environment["LocalSetup__DataDirectory"] = dataDirectory;

        // No demo history: it would load beside the measurement (the figures in docs/performance.md were taken before the demo existed).
        startInfo.Environment["Demo__Enabled"] = "false";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
        var app = new AppProcess(process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await app.WaitUntilReadyAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The key the first start made for this role (the ingest and front-line keys act for dwp).</summary>
    public async Task<DevKey> DevKeyAsync(string role)
    {
        var file = JsonSerializer.Deserialize<DevKeysFile>(await File.ReadAllTextAsync(DevKeysPath), Json)
            ?? throw new InvalidOperationException($"{DevKeysPath} is empty.");
        return file.Keys.SingleOrDefault(k => k.Role == role)
            ?? throw new InvalidOperationException($"{DevKeysPath} has no {role} key.");
    }

    /// <summary>What the app wrote last, for failure messages.</summary>
    public string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // It was sent a kill; the operating system finishes the job.
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} while starting. It said:{Environment.NewLine}{RecentOutput()}");
            }

            if (await IsHealthyAsync(client, cancellationToken) && File.Exists(DevKeysPath))
            {
                return;
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"The app was not healthy with development keys in {DevKeysPath} within {StartTimeout.TotalSeconds:0} s. It said:{Environment.NewLine}{RecentOutput()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // the client's own timeout
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
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>One entry of <c>dev-keys.json</c>, as the app writes it.</summary>
internal sealed record DevKey(string Role, string Id, string Key, IReadOnlyList<string> Services, string? Department);

internal sealed record DevKeysFile(string Note, IReadOnlyList<DevKey> Keys);
