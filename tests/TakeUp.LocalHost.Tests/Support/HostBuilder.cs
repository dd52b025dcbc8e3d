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
        // As the app's tests do (TakeUpApp): a start that stalls in the worker's gRPC client even
        // after the host restarted it gets a whole new host, at most three times.
        for (var attempt = 1; ; attempt++)
        {
            var worker = new InProcessSampleWorker();
            var options = Options(app, storage, time, settings);
            options.WorkerLauncher = worker.Launcher;
            options.WorkerHttpHandler = worker.HttpHandler;
            configure?.Invoke(options);
            var host = await LocalFunctionsHost.StartAsync(options);
            try
            {
                await host.WaitForWorkerAsync(Wait.Timeout(TimeSpan.FromSeconds(30)));
                return (host, worker);
            }
            catch (OperationCanceledException) when (attempt < 3)
            {
                await Console.Error.WriteLineAsync($"TestHosts: no worker ready 30 s after start (attempt {attempt} of 3); starting a new host.");
                await host.DisposeAsync();
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }
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
            WorkerStartTimeout = TimeSpan.FromSeconds(12),
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
