using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace TakeUp.LocalHost.Storage;

/// <summary>What to start Azurite with.</summary>
/// <param name="EmulatorRoot">The folder holding the <c>package.json</c> that pins azurite, and its <c>node_modules</c>.</param>
/// <param name="Location">Where Azurite keeps its data; null keeps everything in memory.</param>
/// <param name="BlobPort">0 lets the operating system choose a free port.</param>
public sealed record AzuriteStartOptions(
    string EmulatorRoot,
    string? Location = null,
    int BlobPort = 0,
    int QueuePort = 0,
    int TablePort = 0);

/// <summary>
/// One running Azurite emulator, started from the repository's own <c>node_modules</c>. Stopping it
/// is graceful: it is sent SIGINT (which Azurite handles by closing its servers and saving its
/// database) and given time to exit; it is killed only after that time. Killing it outright could
/// lose writes made in the last seconds, since Azurite saves its data periodically.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's well-known account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's published, well-known key: not a secret.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The ports <c>UseDevelopmentStorage=true</c> means.</summary>
    public static readonly int[] DefaultPorts = [10000, 10001, 10002];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private int _stopped;
    private int _disposed;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobEndpoint = new Uri($"http://127.0.0.1:{blobPort}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{queuePort}/{AccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{tablePort}/{AccountName}");
    }

    /// <summary>The blob service of this instance.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue service of this instance.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table service of this instance.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>An account-key connection string with explicit endpoints for this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Completes when the emulator process has exited, for whatever reason.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Finds the folder whose <c>package.json</c> pins azurite, walking up from each start folder.</summary>
    public static string? FindEmulatorRoot(params string?[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var packageJson = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The emulator's entry script under <c>node_modules</c>.</summary>
    public static string ScriptPath(string emulatorRoot) =>
        Path.Combine(emulatorRoot, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>True when something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <c>npm ci</c> when the emulator is not installed yet. Several processes may ask at once,
    /// so the install is serialised by a lock file beside <c>package.json</c>.
    /// </summary>
    public static async Task EnsureInstalledAsync(string emulatorRoot, CancellationToken cancellationToken = default)
    {
        if (File.Exists(ScriptPath(emulatorRoot)))
        {
            return;
        }

        var lockPath = Path.Combine(emulatorRoot, ".npm-install.lock");
        await using var installLock = await AcquireFileLockAsync(lockPath, cancellationToken);
        if (File.Exists(ScriptPath(emulatorRoot)))
        {
            return;
        }

        var command = File.Exists(Path.Combine(emulatorRoot, "package-lock.json")) ? "ci" : "install";
        var npm = new ProcessStartInfo("npm", $"{command} --no-audit --no-fund")
        {
            WorkingDirectory = emulatorRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = StartOrExplain(npm, "Could not start npm. Install Node.js (which brings npm) and try again.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(ScriptPath(emulatorRoot)))
        {
            throw new InvalidOperationException(
                $"'npm {command}' in {emulatorRoot} failed with exit code {process.ExitCode}, so the Azurite storage emulator is not installed. " +
                $"Run 'npm ci' there by hand to see why.{Environment.NewLine}{await stdout}{await stderr}");
        }
    }

    /// <summary>Starts Azurite and waits until all three services listen.</summary>
    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions options, CancellationToken cancellationToken = default)
    {
        await EnsureInstalledAsync(options.EmulatorRoot, cancellationToken);

        var arguments = new List<string>
        {
            ScriptPath(options.EmulatorRoot),
            "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", options.BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", options.QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", options.TablePort.ToString(CultureInfo.InvariantCulture),
        };
        if (options.Location is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(options.Location);
            arguments.Add("--location");
            arguments.Add(options.Location);
        }

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = options.EmulatorRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Azurite reads nothing from stdin; a redirected one keeps it from sharing our terminal's
            // Ctrl+C, so only we decide when it stops (and it gets the chance to save).
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = StartOrExplain(startInfo, "Could not start node. Install Node.js and try again.");

        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (ports)
            {
                output.AppendLine(line);
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        try
        {
            var first = await Task.WhenAny(ready.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token));
            if (first != ready.Task)
            {
                throw new InvalidOperationException(
                    $"Azurite did not start within {StartTimeout.TotalSeconds:0} s (are its ports free?). It said:{Environment.NewLine}{Snapshot()}");
            }
        }
        catch (Exception) when (!ready.Task.IsCompleted)
        {
            Kill(process);
            process.Dispose();
            throw;
        }
        finally
        {
            await timeout.CancelAsync();
        }

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]);

        string Snapshot()
        {
            lock (ports)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Asks Azurite to stop (SIGINT, which it handles by closing its servers and saving) and waits for
    /// it to exit; kills it only when <paramref name="timeout"/> passes first. True when it exited on its own.
    /// Safe to call more than once.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            await Exited;
            return true;
        }

        if (_process.HasExited)
        {
            return true;
        }

        if (!AskToStop(_process))
        {
            Kill(_process);
            await Exited;
            return false;
        }

        try
        {
            await Exited.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            Kill(_process);
            await Exited;
            return false;
        }
    }

    /// <summary>Stops the emulator gracefully (see <see cref="StopAsync"/>), with 15 seconds to save. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
    }

    /// <summary>Ends the emulator at once, as a crash would (tests of the restart path use it).</summary>
    public void Kill() => Kill(_process);

    // Process.Start throws, rather than returning null, when the program is not on PATH.
    private static Process StartOrExplain(ProcessStartInfo startInfo, string explanation)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException(explanation);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{explanation} ({startInfo.FileName}: {ex.Message})", ex);
        }
    }

    /// <summary>SIGINT on Unix. Windows has no signal to send a console-less child; there it is killed.</summary>
    private static bool AskToStop(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        const int SigInt = 2;
        return SendSignal(process.Id, SigInt) == 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = TimeSpan.FromMinutes(5);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
