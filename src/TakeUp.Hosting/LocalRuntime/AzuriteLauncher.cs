using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Hosting.LocalRuntime;

internal sealed class AzuriteLauncher : IStorageEmulatorLauncher
{
    public bool IsListening(int port) => AzuriteProcess.IsListening(port);

    public async Task<IAsyncDisposable> StartAsync(AzuriteStartOptions options, CancellationToken cancellationToken) =>
        await AzuriteProcess.StartAsync(options, cancellationToken);
}
