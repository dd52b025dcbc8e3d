using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Configuration;
using TakeUp.LocalHost.Storage;
using TakeUp.LocalHost.Worker;

namespace TakeUp.LocalHost;

/// <summary>How to run a <see cref="LocalFunctionsHost"/>.</summary>
public sealed class LocalFunctionsHostOptions
{
    /// <summary>The port Core Tools serves on when nothing else is said.</summary>
    public const int DefaultHttpPort = 7071;

    /// <summary>
    /// The function app's folder (its build output: <c>worker.config.json</c>, <c>host.json</c>,
    /// <c>local.settings.json</c>), the "script root" of the Functions host.
    /// </summary>
    public required string AppDirectory { get; set; }

    /// <summary>
    /// The HTTP port. Null takes <c>local.settings.json</c> <c>Host.LocalHttpPort</c>, else 7071;
    /// 0 takes any free port (tests), which <see cref="LocalFunctionsHost.HttpAddress"/> then tells.
    /// </summary>
    public int? HttpPort { get; set; }

    /// <summary>Where the host keeps its state (master key, timer schedules, Azurite's data). Null means <c>.data</c> in the current folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Where the worker comes from. Null runs the app's build output as a child process (<see cref="ChildProcessWorkerLauncher"/>).</summary>
    public IWorkerLauncher? WorkerLauncher { get; set; }

    /// <summary>
    /// Carries forwarded HTTP requests to the worker's own server. Null uses a socket handler to the
    /// worker's <c>HttpUri</c>; a test hosting the worker in-process passes its TestServer's handler.
    /// </summary>
    public HttpMessageHandler? WorkerHttpHandler { get; set; }

    /// <summary>The clock of timers, polling and leases; a test passes a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>App settings laid over <c>local.settings.json</c> <c>Values</c>; a null value removes one.</summary>
    public IDictionary<string, string?> AppSettings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Start Azurite when AzureWebJobsStorage is <c>UseDevelopmentStorage=true</c> and it is not running.</summary>
    public bool StartStorageEmulator { get; set; } = true;

    /// <summary>A fixed master key; null keeps (or creates) the one in <c>{data}/host-keys.json</c>.</summary>
    public string? MasterKey { get; set; }

    /// <summary>How long a worker has to connect and load its functions.</summary>
    public TimeSpan WorkerStartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a worker has to exit after WorkerTerminate before it is killed.</summary>
    public TimeSpan WorkerStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long Azurite has to save and exit when asked to stop before it is killed.</summary>
    public TimeSpan StorageEmulatorStopTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The blob, queue and table ports Azurite is started on. Development storage means the
    /// standard ones; only the local host's own tests move them, to run beside another emulator.
    /// </summary>
    internal IReadOnlyList<int> StorageEmulatorPorts { get; set; } = AzuriteProcess.DefaultPorts;

    /// <summary>
    /// How long a running queue message is kept invisible between renewals; the host uses 10 minutes
    /// and offers no setting, so only the local host's own tests shorten it, to see a renewal happen.
    /// </summary>
    internal TimeSpan QueueMessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Adds to or replaces the host's logging (console by default).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Added to the "app is not built" message: the command that builds this app.</summary>
    public string? BuildHint { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(AppDirectory))
        {
            throw new LocalHostConfigurationException("LocalFunctionsHostOptions.AppDirectory (--script-root) is required: the function app's build output folder.");
        }

        if (HttpPort is < 0 or > 65535)
        {
            throw new LocalHostConfigurationException($"LocalFunctionsHostOptions.HttpPort (--port) is {HttpPort}; it must be 0 to 65535.");
        }

        if (WorkerStartTimeout <= TimeSpan.Zero || WorkerStopTimeout <= TimeSpan.Zero || StorageEmulatorStopTimeout <= TimeSpan.Zero || QueueMessageLease <= TimeSpan.Zero)
        {
            throw new LocalHostConfigurationException("LocalFunctionsHostOptions.WorkerStartTimeout, WorkerStopTimeout and StorageEmulatorStopTimeout must be positive.");
        }
    }
}
