using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Local;
using TakeUp.Functions.Storage;
using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>
/// The whole function app in memory, in local mode (queue listener and timers running), on the
/// shared emulator with table and queue names of its own.
/// </summary>
public sealed class TakeUpApp : WebApplicationFactory<Program>
{
    private readonly AzuriteProcess _emulator;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "takeup-tests", Guid.NewGuid().ToString("N"));

    private TakeUpApp(AzuriteProcess emulator, Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string>? settings)
    {
        _emulator = emulator;
        _configureServices = configureServices;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..9];

    public string ConnectionString => _emulator.ConnectionString;

    /// <param name="settings">Configuration that overrides the test defaults, such as a storage connection.</param>
    /// <param name="waitForStorage">False to start even when storage never becomes ready.</param>
    public static async Task<TakeUpApp> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string>? settings = null,
        bool waitForStorage = true)
    {
        var app = new TakeUpApp(await Emulator.GetAsync(), configureServices, settings);
        using var client = app.CreateClient();
        if (waitForStorage)
        {
            await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
            await app.Services.GetRequiredService<LocalSetup>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return app;
    }

    public StorageAccount Storage => Services.GetRequiredService<StorageAccount>();

    public QueueClient Queue(string name) => Storage.Queue(name);

    public TableClient Table(string name) => Storage.Table(name);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", _emulator.ConnectionString);
        builder.UseSetting("Storage:NamePrefix", Prefix);
        builder.UseSetting("LocalRuntime:MaxPollingInterval", "00:00:00.200");
        builder.UseSetting("LocalRuntime:MinPollingInterval", "00:00:00.050");
        builder.UseSetting("LocalRuntime:DataDirectory", _dataDirectory);

        // Years of demo history would slow every test; the demo's own tests switch it on.
        builder.UseSetting("Demo:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(new TestClock(TestClock.DefaultStart));
            _configureServices?.Invoke(services);
        });
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
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", created.Key);
        return client;
    }

    public Task<HttpClient> GdsAsync() => ClientAsync(Roles.Gds);

    public Task<HttpClient> IngestAsync(string department = "dwp") => ClientAsync(Roles.Ingest, department: department);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
