using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.Tests.Support;

/// <summary>
/// A small app built the way the function app's Program.cs is (AddFunctionsHosting, map the
/// functions, MapFunctionsHost) on a test server, with in-memory queues and its own data folder.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    public static readonly string SampleHostJson = Path.Combine(AppContext.BaseDirectory, "SampleApp", "host.json");

    private readonly TempDirectory _dataDirectory;

    private TestApp(WebApplication app, TempDirectory dataDirectory)
    {
        App = app;
        _dataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public FunctionProbe Probe => Services.GetRequiredService<FunctionProbe>();

    public InMemoryTriggerQueueProvider Queues => Services.GetRequiredService<InMemoryTriggerQueueProvider>();

    public CapturedLogs Logs => Services.GetRequiredService<CapturedLogs>();

    public string DataDirectory => _dataDirectory.Path;

    public HttpClient CreateClient() => App.GetTestClient();

    /// <summary>Builds and starts the app.</summary>
    /// <param name="map">Maps the app's functions (MapFunctionsHost is called after it).</param>
    /// <param name="settings">Configuration over the defaults (local mode, fast polling, the sample host.json); null removes a default.</param>
    /// <param name="services">Extra registrations, made after AddFunctionsHosting (so they win).</param>
    public static async Task<TestApp> StartAsync(
        Action<WebApplication> map,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TempDirectory? dataDirectory = null)
    {
        var app = Build(map, settings, services, dataDirectory ??= new TempDirectory());
        await app.StartAsync();
        return new TestApp(app, dataDirectory);
    }

    /// <summary>Builds the app without starting it.</summary>
    public static WebApplication Build(
        Action<WebApplication> map,
        IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? services,
        TempDirectory dataDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        var configuration = new Dictionary<string, string?>
        {
            // Whatever the machine's environment says, these tests start without the Functions host.
            [FunctionsHostEnvironment.CustomHandlerPortSetting] = string.Empty,
            ["AzureWebJobsStorage"] = string.Empty,
            ["FunctionsHost:HostJsonPath"] = SampleHostJson,
            ["LocalRuntime:DataDirectory"] = dataDirectory.Path,
            ["LocalRuntime:MinPollingInterval"] = "00:00:00.010",
            ["LocalRuntime:MaxPollingInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // Null takes a default away, rather than setting an empty value.
            if (value is null)
            {
                configuration.Remove(key);
            }
            else
            {
                configuration[key] = value;
            }
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);

        builder.Services.AddFunctionsHosting(builder.Configuration);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<FunctionProbe>();
        builder.Services.AddSingleton(sp => new InMemoryTriggerQueueProvider(TimeProvider.System));
        builder.Services.AddSingleton<ITriggerQueueProvider>(sp => sp.GetRequiredService<InMemoryTriggerQueueProvider>());
        services?.Invoke(builder.Services);

        var app = builder.Build();
        map(app);
        app.MapFunctionsHost();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        // Release anything still waiting, so shutdown never waits on a test's gate.
        Probe.Gate.TrySetResult();
        await App.StopAsync();
        await App.DisposeAsync();
        _dataDirectory.Dispose();
    }
}
