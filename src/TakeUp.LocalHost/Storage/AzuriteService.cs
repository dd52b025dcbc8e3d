using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Configuration;

namespace TakeUp.LocalHost.Storage;

/// <summary>
/// Starts Azurite when the app's storage is <c>UseDevelopmentStorage=true</c> and nothing listens on
/// the emulator's ports yet, with its data under <c>{data}/azurite</c>; restarts it if it dies; and
/// stops it gracefully last, after the worker, so its final writes are saved.
/// </summary>
internal sealed class AzuriteService(LocalHostRuntime runtime, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<AzuriteService> logger) : IHostedService
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private readonly CancellationTokenSource _stopping = new();
    private AzuriteProcess? _azurite;
    private Task _watch = Task.CompletedTask;

    /// <summary>The emulator this host started, if it started one.</summary>
    public AzuriteProcess? Azurite => _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!runtime.Options.StartStorageEmulator
            || !string.Equals(runtime.Settings[AppSettings.StorageConnectionName]?.Trim().TrimEnd(';'), DevelopmentStorage, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var listening = await Task.WhenAll(runtime.Options.StorageEmulatorPorts.Select(AzuriteProcess.IsListeningAsync));
        if (listening.All(l => l))
        {
            LocalHostLog.AzuriteAlreadyRunning(logger);
            return;
        }

        if (listening.Any(l => l))
        {
            throw new LocalHostConfigurationException(
                "Some of the storage emulator's ports (10000 blob, 10001 queue, 10002 table) are taken by something else, so Azurite cannot start. " +
                "Stop what uses them, or set AzureWebJobsStorage in local.settings.json to a reachable storage account.");
        }

        _azurite = await StartAzuriteAsync(cancellationToken);
        _watch = WatchAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watch;
        if (_azurite is { } azurite)
        {
            LocalHostLog.StoppingAzurite(logger);
            if (!await azurite.StopAsync(runtime.Options.StorageEmulatorStopTimeout))
            {
                LocalHostLog.KillingAzurite(logger, runtime.Options.StorageEmulatorStopTimeout);
            }

            await azurite.DisposeAsync();
        }
    }

    private async Task<AzuriteProcess> StartAzuriteAsync(CancellationToken cancellationToken)
    {
        var root = AzuriteProcess.FindEmulatorRoot(runtime.App.Directory, Environment.CurrentDirectory, AppContext.BaseDirectory)
            ?? throw new LocalHostConfigurationException(
                "AzureWebJobsStorage is UseDevelopmentStorage=true, but no package.json that pins azurite was found above the app folder or the current folder. " +
                "Run from the repository (which pins it), start Azurite yourself, or point AzureWebJobsStorage at a storage account.");
        var location = Path.Combine(runtime.DataDirectory, "azurite");
        LocalHostLog.StartingAzurite(logger, location);
        return await AzuriteProcess.StartAsync(
            new AzuriteStartOptions(root, location, runtime.Options.StorageEmulatorPorts[0], runtime.Options.StorageEmulatorPorts[1], runtime.Options.StorageEmulatorPorts[2]),
            cancellationToken);
    }

    private async Task WatchAsync()
    {
        while (_azurite is { } azurite)
        {
            try
            {
                await azurite.Exited.WaitAsync(_stopping.Token);

                // Ctrl+C in a terminal reaches the whole process group, Azurite included, which then
                // saves and exits by itself: that is a shutdown, not a crash. Give ours a moment to begin.
                await Task.Delay(TimeSpan.FromSeconds(1), time, _stopping.Token);
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }

                LocalHostLog.AzuriteDied(logger);
                await azurite.DisposeAsync();
                _azurite = null;
                while (_azurite is null)
                {
                    try
                    {
                        _azurite = await StartAzuriteAsync(_stopping.Token);
                    }
                    catch (InvalidOperationException ex)
                    {
                        LocalHostLog.AzuriteRestartFailed(logger, ex.Message);
                        await Task.Delay(TimeSpan.FromSeconds(5), time, _stopping.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
