using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Starts Azurite and probes ports; a seam so the start-up decision can be tested without Node.</summary>
internal interface IStorageEmulatorLauncher
{
    bool IsListening(int port);

    Task<IAsyncDisposable> StartAsync(AzuriteStartOptions options, CancellationToken cancellationToken);
}
