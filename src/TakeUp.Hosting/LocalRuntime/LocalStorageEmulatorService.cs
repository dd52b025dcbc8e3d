using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// In local mode with <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c>, makes sure the
/// storage emulator is there before the queue listeners start: uses one already listening, or
/// starts Azurite on the standard ports with its data under the data directory, and stops it
/// with the app.
/// </summary>
internal sealed class LocalStorageEmulatorService(
    FunctionsHostEnvironment environment,
    IConfiguration configuration,
    IHostEnvironment hostEnvironment,
    IOptions<LocalRuntimeOptions> options,
    IStorageEmulatorLauncher launcher,
    ILogger<LocalStorageEmulatorService> logger) : IHostedService, IAsyncDisposable
{
    public const int BlobPort = 10000;
    public const int QueuePort = 10001;
    public const int TablePort = 10002;
    public const string FolderName = "azurite";

    private IAsyncDisposable? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.LocalRuntimeActive || !StorageEmulatorSetting.IsDevelopmentStorage(StorageEmulatorSetting.Read(configuration)))
        {
            return;
        }

        var queueListening = launcher.IsListening(QueuePort);
        var tableListening = launcher.IsListening(TablePort);
        if (queueListening && tableListening)
        {
            HostingLog.EmulatorAlreadyRunning(logger, QueuePort, TablePort);
            return;
        }

        if (queueListening || tableListening)
        {
            var busy = queueListening ? QueuePort : TablePort;
            throw new InvalidOperationException(
                $"Port {busy} is in use but port {(queueListening ? TablePort : QueuePort)} is not, so something other than a storage emulator holds port {busy}. " +
                $"Stop it, or start Azurite yourself, or point {StorageEmulatorSetting.SettingName} at a real storage account.");
        }

        var root = AzuriteProcess.FindEmulatorRoot(hostEnvironment.ContentRootPath, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"{StorageEmulatorSetting.SettingName} is '{StorageEmulatorSetting.DevelopmentStorage}' and no storage emulator is listening, " +
                $"but no package.json pinning azurite was found above {hostEnvironment.ContentRootPath}. Run the app from the repository, " +
                "start Azurite yourself, or point the setting at a real storage account.");

        var location = Path.Combine(options.Value.DataDirectory!, FolderName);
        HostingLog.EmulatorStarting(logger, location);
        try
        {
            _emulator = await launcher.StartAsync(new AzuriteStartOptions(root, location, BlobPort, QueuePort, TablePort), cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"The Azurite storage emulator needed by {StorageEmulatorSetting.SettingName}={StorageEmulatorSetting.DevelopmentStorage} could not start: {ex.Message} " +
                "Install Node.js 20 or later (with npm) on PATH, or start Azurite yourself, or point the setting at a real storage account.",
                ex);
        }

        HostingLog.EmulatorStarted(logger, location, QueuePort, TablePort);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _emulator, null) is { } emulator)
        {
            await emulator.DisposeAsync();
            HostingLog.EmulatorStopped(logger);
        }
    }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _emulator, null) is { } emulator ? emulator.DisposeAsync() : ValueTask.CompletedTask;
}
