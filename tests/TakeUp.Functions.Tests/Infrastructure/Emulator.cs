using TakeUp.LocalHost.Storage;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite for the whole test run, with a storage account of its own for every app
/// a test starts: queue trigger names are fixed by the functions' attributes, so accounts, not name
/// prefixes, keep tests that run at once out of each other's queues and tables.
/// </summary>
public static class Emulator
{
    private const int Accounts = 400;
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);
    private static int _next;

    public static Task<AzuriteProcess> GetAsync() => Instance.Value;

    /// <summary>A connection string to an account no other test has used.</summary>
    public static async Task<string> NewAccountAsync()
    {
        var azurite = await Instance.Value;
        var number = Interlocked.Increment(ref _next);
        if (number > Accounts)
        {
            throw new InvalidOperationException($"More than {Accounts} test apps in one run: raise Emulator.Accounts.");
        }

        var account = AccountName(number);
        string Endpoint(Uri service) => new UriBuilder(service) { Path = "/" + account }.Uri.ToString();
        return $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={AzuriteProcess.AccountKey};" +
               $"BlobEndpoint={Endpoint(azurite.BlobEndpoint)};QueueEndpoint={Endpoint(azurite.QueueEndpoint)};TableEndpoint={Endpoint(azurite.TableEndpoint)};";
    }

    /// <summary>Starts an emulator of a test's own (one it may stop), with the same accounts.</summary>
    public static Task<AzuriteProcess> StartOwnAsync() => StartProcessAsync();

    private static string AccountName(int number) => "acct" + number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<AzuriteProcess> StartAsync()
    {
        var process = await StartProcessAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return process;
    }

    private static Task<AzuriteProcess> StartProcessAsync()
    {
        var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("Could not find the repository's package.json (which pins azurite) above the test folder.");

        // Azurite reads extra accounts from its environment, which the child inherits from ours.
        var accounts = Enumerable.Range(1, Accounts).Select(AccountName).Prepend(AzuriteProcess.AccountName);
        Environment.SetEnvironmentVariable("AZURITE_ACCOUNTS", string.Join(';', accounts.Select(a => $"{a}:{AzuriteProcess.AccountKey}")));
        return AzuriteProcess.StartAsync(new AzuriteStartOptions(root));
    }
}
