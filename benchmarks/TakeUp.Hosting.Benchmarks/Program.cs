using System.Globalization;
using TakeUp.Hosting.Benchmarks;
using TakeUp.LocalHost.Storage;

// Cold start and memory of the app under the local Functions host, against an isolated worker with
// nothing in it (the local host's sample app: one trivial function per trigger kind) started the
// same way in the same run: host start to the first answered HTTP call, worker start to ready, and
// resident memory at the first answer and after the demo history has loaded. Loopback only; an
// in-memory Azurite started for the run; everything stops by itself.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var arguments = BenchmarkArguments.Parse(args);
if (arguments.Help)
{
    Console.WriteLine(BenchmarkArguments.Usage);
    return 0;
}

var started = DateTimeOffset.UtcNow;
var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(20));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var cancellationToken = cancellation.Token;

var configuration = HostedApp.Configuration();
if (configuration != "Release")
{
    Console.WriteLine($"Warning: built in {configuration}, so the apps run their {configuration} builds; measure with -c Release.");
}

var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
    ?? throw new InvalidOperationException("No package.json pinning azurite was found; run from the repository.");
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root), cancellationToken);

var baseline = new AppUnderTest("baseline: empty isolated worker", HostedApp.SampleAppFolder(), "api/Ping", _ => new Dictionary<string, string>
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["SampleQueueName"] = "hosting-benchmark-sample",
});
var takeUp = new AppUnderTest("TakeUp.Functions", HostedApp.FunctionsAppFolder(), "api/health", data => TakeUpEnvironment(data, demo: false));

Console.WriteLine($"{arguments.Rounds} rounds after one warm-up each, the order swapped every other round.");
var rounds = new List<(int Round, StartMeasurement Baseline, StartMeasurement App)>();
for (var round = 0; round <= arguments.Rounds; round++)
{
    var order = round % 2 == 0 ? new[] { baseline, takeUp } : [takeUp, baseline];
    var measured = new Dictionary<AppUnderTest, StartMeasurement>();
    foreach (var app in order)
    {
        measured[app] = await MeasureStartAsync(app, cancellationToken);
    }

    var label = round == 0 ? "warm-up" : $"round {round}";
    Console.WriteLine($"{label}: baseline first answer {measured[baseline].FirstAnswer.TotalMilliseconds,6:N0} ms, worker ready {measured[baseline].Worker.ReadyAfterMilliseconds,5:N0} ms   " +
        $"app first answer {measured[takeUp].FirstAnswer.TotalMilliseconds,6:N0} ms, worker ready {measured[takeUp].Worker.ReadyAfterMilliseconds,5:N0} ms");
    if (round > 0)
    {
        rounds.Add((round, measured[baseline], measured[takeUp]));
    }
}

Console.WriteLine("Memory after the demo load: the app's first start with the demo history on (docs/demo.md).");
var demo = await MeasureDemoAsync(cancellationToken);
Console.WriteLine($"demo loaded in {demo.Loaded.TotalSeconds:N1} s (worker {demo.WorkerAfterLoadMegabytes:N0} MiB), its {demo.Services} trend recomputations done at {demo.Recomputed.TotalSeconds:N1} s: worker {demo.WorkerMegabytes:N0} MiB, host {demo.HostMegabytes:N0} MiB");

var report = Report.Render(started, loadAverage, configuration, rounds, demo);
Console.WriteLine();
Console.Write(report);
if (arguments.MarkdownPath is { } markdownPath)
{
    await File.WriteAllTextAsync(markdownPath, report, CancellationToken.None);
    Console.WriteLine($"(Also written to {Path.GetFullPath(markdownPath)}.)");
}

return 0;

async Task<StartMeasurement> MeasureStartAsync(AppUnderTest app, CancellationToken token)
{
    await using var hosted = HostedApp.Start(app.Folder, app.Environment);
    var firstAnswer = await hosted.FirstAnswerAsync(app.ReadyPath, token);
    var worker = await hosted.WorkerAsync(token);
    return new StartMeasurement(
        firstAnswer,
        worker,
        HostedApp.ResidentMegabytes(worker.ProcessId),
        HostedApp.ResidentMegabytes(hosted.HostProcessId));
}

async Task<DemoMeasurement> MeasureDemoAsync(CancellationToken token)
{
    await using var hosted = HostedApp.Start(takeUp.Folder, data => TakeUpEnvironment(data, demo: true));
    await hosted.FirstAnswerAsync(takeUp.ReadyPath, token);
    var waited = System.Diagnostics.Stopwatch.StartNew();
    var loadedLine = await hosted.WaitForOutputAsync("Demo history loaded: ", TimeSpan.FromMinutes(10), token);
    var loaded = waited.Elapsed;
    var worker = await hosted.WorkerAsync(token);
    var afterLoad = HostedApp.ResidentMegabytes(worker.ProcessId);

    // The load ends by queueing a full trend recomputation of every service it wrote; the app is at
    // rest once those have run.
    var services = int.Parse(System.Text.RegularExpressions.Regex.Match(loadedLine, @"Demo history loaded: (\d+) services").Groups[1].Value, CultureInfo.InvariantCulture);
    await hosted.WaitForOutputAsync("Executed 'ComputeServiceTrend' (Succeeded", TimeSpan.FromMinutes(10), token, count: services);
    var recomputed = waited.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(5), token);
    return new DemoMeasurement(loaded, afterLoad, recomputed, services, HostedApp.ResidentMegabytes(worker.ProcessId), HostedApp.ResidentMegabytes(hosted.HostProcessId));
}

Dictionary<string, string> TakeUpEnvironment(string dataDirectory, bool demo) => new()
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["LocalSetup__DataDirectory"] = dataDirectory,
    ["Demo__Enabled"] = demo ? "true" : "false",

    // The demo loads only into an empty catalogue, and the cold starts have filled this emulator's:
    // tables of their own for the demo run.
    ["Storage__NamePrefix"] = demo ? "demo" : "",
};
