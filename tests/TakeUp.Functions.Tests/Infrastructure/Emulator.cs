using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite on free ports for the whole test run; each test isolates itself with its
/// own table and queue name prefix.
/// </summary>
public static class Emulator
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);

    public static Task<AzuriteProcess> GetAsync() => Instance.Value;

    private static async Task<AzuriteProcess> StartAsync()
    {
        var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("Could not find the repository's package.json (which pins azurite) above the test folder.");
        var process = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return process;
    }
}
