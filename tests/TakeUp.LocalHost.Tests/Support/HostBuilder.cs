using Microsoft.Extensions.Logging;

namespace TakeUp.LocalHost.Tests.Support;

/// <summary>Starts a local host on a free port over a test app, with an in-process sample worker.</summary>
internal static class TestHosts
{
    public static async Task<(LocalFunctionsHost Host, InProcessSampleWorker Worker)> StartInProcessAsync(
        TestApp app,
        AzuriteFixture? storage = null,
        TimeProvider? time = null,
        IDictionary<string, string>? settings = null,
        Action<LocalFunctionsHostOptions>? configure = null)
    {
        var worker = new InProcessSampleWorker();
        var options = Options(app, storage, time, settings);
        options.WorkerLauncher = worker.Launcher;
        options.WorkerHttpHandler = worker.HttpHandler;
        configure?.Invoke(options);
        var host = await LocalFunctionsHost.StartAsync(options);
        await host.WaitForWorkerAsync(Wait.Timeout(TimeSpan.FromSeconds(90)));
        return (host, worker);
    }

    public static LocalFunctionsHostOptions Options(TestApp app, AzuriteFixture? storage, TimeProvider? time, IDictionary<string, string>? settings)
    {
        var options = new LocalFunctionsHostOptions
        {
            AppDirectory = app.Directory,
            HttpPort = 0,
            DataDirectory = app.DataDirectory,
            StartStorageEmulator = false,
            TimeProvider = time ?? TimeProvider.System,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),

            // Ready in well under a second; a start that stalls on a loaded runner ends in a restart.
            WorkerStartTimeout = TimeSpan.FromSeconds(20),
        };
        options.AppSettings["AzureWebJobsStorage"] = storage?.ConnectionString ?? "UseDevelopmentStorage=true";
        options.AppSettings["SampleQueueName"] = AzuriteFixture.UniqueQueueName("unused");
        options.AppSettings["SampleTimerSchedule"] = "0 0 0 1 1 *";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            options.AppSettings[key] = value;
        }

        return options;
    }
}
