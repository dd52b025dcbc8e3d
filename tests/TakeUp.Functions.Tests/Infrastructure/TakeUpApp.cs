using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Local;
using TakeUp.Functions.Storage;
using TakeUp.LocalHost;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>
/// The whole function app, as it runs locally: the local Functions host (HTTP, queue listeners,
/// timers, admin API) driving the app's real worker over gRPC, on a storage account of its own in
/// the shared emulator.
/// </summary>
public sealed class TakeUpApp : IAsyncDisposable
{
    private readonly LocalFunctionsHost _host;
    private readonly InProcessWorker _worker;
    private readonly string _dataDirectory;

    private TakeUpApp(LocalFunctionsHost host, InProcessWorker worker, string connectionString, string dataDirectory)
    {
        _host = host;
        _worker = worker;
        ConnectionString = connectionString;
        _dataDirectory = dataDirectory;
    }

    public string ConnectionString { get; }

    public IServiceProvider Services => _worker.Services;

    public LocalFunctionsHost Host => _host;

    /// <param name="settings">App settings that override the test defaults, such as a storage connection.</param>
    /// <param name="waitForStorage">False to start even when storage never becomes ready.</param>
    public static async Task<TakeUpApp> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string>? settings = null,
        bool waitForStorage = true)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "takeup-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = await Emulator.NewAccountAsync(),
            ["LocalSetup:Enabled"] = "true",
            ["LocalSetup:DataDirectory"] = dataDirectory,

            // Years of demo history would slow every test; the demo's own tests switch it on.
            ["Demo:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        // Ready in well under a second. On a loaded 2-core runner a start has been seen to stall in
        // the worker's gRPC client (the host's server holding a connection that never sent the
        // HTTP/2 preface), and, rarely, to stall again after the host restarted the worker: so the
        // host restarts a worker that is not ready in 12 s, and the test starts a whole new host
        // (new ports, new server) if none is ready in 30 s, saying so on the console.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var worker = new InProcessWorker(configureServices, values);
            var options = new LocalFunctionsHostOptions
            {
                AppDirectory = AppContext.BaseDirectory,
                HttpPort = 0,
                DataDirectory = dataDirectory,
                StartStorageEmulator = false,
                WorkerLauncher = worker.Launcher,
                WorkerHttpHandler = worker.HttpHandler,

                // The worker lives in this process: nothing to wait for once the test is over.
                WorkerStopTimeout = TimeSpan.FromSeconds(1),
                WorkerStartTimeout = TimeSpan.FromSeconds(12),
            };
            foreach (var (key, value) in values)
            {
                options.AppSettings[key] = value;
            }

            var host = await LocalFunctionsHost.StartAsync(options);
            var app = new TakeUpApp(host, worker, values["AzureWebJobsStorage"], dataDirectory);
            try
            {
                using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await host.WaitForWorkerAsync(ready.Token);
            }
            catch (OperationCanceledException) when (attempt < attempts)
            {
                await Console.Error.WriteLineAsync($"TakeUpApp: no worker ready 30 s after start (attempt {attempt} of {attempts}); starting a new host.");
                await app.DisposeAsync();
                continue;
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            try
            {
                if (waitForStorage)
                {
                    await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
                    await app.Services.GetRequiredService<LocalSetup>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            return app;
        }
    }

    public StorageAccount Storage => Services.GetRequiredService<StorageAccount>();

    public QueueClient Queue(string name) => Storage.Queue(name);

    public TableClient Table(string name) => Storage.Table(name);

    /// <summary>A client of the local host's HTTP address, as a caller on this machine would be.</summary>
    public HttpClient CreateClient() => _host.CreateHttpClient();

    /// <summary>Runs a queue or timer function now through the host's admin API, with the master key.</summary>
    public async Task<HttpResponseMessage> RunFunctionAsync(string name, string input = "")
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/functions/{name}")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { input }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", _host.MasterKey);
        return await client.SendAsync(request);
    }

    /// <summary>Polls until the condition holds; fails the test with the last value seen after the limit.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 60)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        T value;
        do
        {
            value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(seconds));

        throw new Xunit.Sdk.XunitException($"Waited {seconds} s for {what}; last saw: {System.Text.Json.JsonSerializer.Serialize(value)}");
    }

    /// <summary>A client holding a new API key for the role and scope.</summary>
    public async Task<HttpClient> ClientAsync(string role, IReadOnlyList<string>? services = null, string? department = null)
    {
        var created = await Services.GetRequiredService<ApiKeyStore>().CreateAsync($"test {role}", role, services ?? [], department, "test", CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", created.Key);
        return client;
    }

    public Task<HttpClient> GdsAsync() => ClientAsync(Roles.Gds);

    public Task<HttpClient> IngestAsync(string department = "dwp") => ClientAsync(Roles.Ingest, department: department);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
