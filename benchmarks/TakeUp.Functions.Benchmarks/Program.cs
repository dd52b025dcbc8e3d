using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using TakeUp.Functions.Benchmarks;
using TakeUp.Benchmarks.Shared;
using TakeUp.LocalHost.Storage;

// Raw Table storage through the Azure SDK, and the running app against it, side by side in one run,
// reported as ratios: 100-entity transactions against single inserts, usage ingestion end to end
// against 100-entity transactions, and one assisted session's POST against one insert. Everything
// runs on loopback: an in-memory Azurite and the app's Release build, both started for this run and
// stopped at its end.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var arguments = BenchmarkArguments.Parse(args);
var started = DateTimeOffset.UtcNow;
var loadAverage = Report.LoadAverage();

// A bound on the whole run, so that it always ends by itself; Ctrl+C ends it sooner.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(30));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var cancellationToken = cancellation.Token;

var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
    ?? throw new InvalidOperationException("No package.json pinning azurite was found; run from the repository.");
var azuriteVersion = AzuriteVersion(root);
var appPath = AppProcess.AppPath();
var configuration = AppProcess.Configuration();
if (configuration != "Release")
{
    Console.WriteLine($"Warning: built in {configuration}, so the app runs its {configuration} build; measure with -c Release.");
}

var dataDirectory = Path.Combine(Path.GetTempPath(), "takeup-functions-benchmark-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataDirectory);

try
{
    await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root), cancellationToken);
    var storage = new TableServiceClient(azurite.ConnectionString);
    Console.WriteLine($"Azurite {azuriteVersion} in memory at {azurite.TableEndpoint.Authority}; Azure.Data.Tables {Report.SdkVersion()}.");

    // Before the app starts, as the storage benchmark this replaces ran: nothing else talks to the emulator.
    Console.WriteLine($"Raw SDK inserts: {arguments.Entities:N0} entities per run, {arguments.Rounds} rounds, one request at a time.");
    var inserts = await new InsertBenchmark(storage).CompareAsync(
        arguments.Entities,
        arguments.Rounds,
        r => Console.WriteLine($"round {r.Round}: single {r.Single,9:N0} entities/s   100-entity transactions {r.Batch,9:N0} entities/s   ratio {r.BatchOverSingle:N1}x"),
        cancellationToken);

    await using var app = await AppProcess.StartAsync(appPath, azurite.ConnectionString, dataDirectory, cancellationToken);
    Console.WriteLine($"The app ({appPath}) at {app.BaseAddress}.");

    var ingestKey = await app.DevKeyAsync("ingest");
    var frontlineKey = await app.DevKeyAsync("frontline");
    using var ingest = Client(app.BaseAddress, ingestKey.Key);
    using var frontline = Client(app.BaseAddress, frontlineKey.Key);

    var ingestion = new IngestionBenchmark(ingest, storage);
    var data = new UsageData();

    // Warm-up, two whole rounds not counted: JIT and tiering in both processes (a first round ran at a
    // third of the speed of later ones, a second still a little slower), connection pools, and the
    // emulator's first use of each table and queue.
    EndToEndRun? warmUp = null;
    for (var pass = 0; pass < 2; pass++)
    {
        var warmUpDays = data.Next(arguments.Rows);
        warmUp = await ingestion.EndToEndAsync(warmUpDays, cancellationToken);
        await ingestion.RawRowsAsync(warmUpDays, 1, cancellationToken);
        await ingestion.RawRowsAsync(warmUpDays, IngestionBenchmark.ListenerConcurrency, cancellationToken);
        await ingestion.RawDaysAsync(warmUpDays, cancellationToken);
        await ingestion.ApplyReplayAsync(warmUpDays, warmUp.Chunks, cancellationToken);
    }

    var rowsPerBatch = warmUp!.Rows / (double)warmUp.Chunks;
    Console.WriteLine($"Warm-up: the second pass of {warmUp.Rows:N0} rows ran end to end at {warmUp.RowsPerSecond:N0} rows/s, about {rowsPerBatch:N0} rows per queued batch.");
    Console.WriteLine($"Ingestion: {arguments.Rounds} rounds of about {arguments.Rows:N0} fresh rows.");

    var rounds = new List<IngestionRound>();
    for (var round = 1; round <= arguments.Rounds; round++)
    {
        var days = data.Next(arguments.Rows);
        var batches = UsageData.Submissions(days, IngestionBenchmark.RowsPerSubmission).Sum(s => (int)Math.Ceiling(s.Count / rowsPerBatch));
        EndToEndRun? endToEnd = null;
        double rawRows = 0, rawRowsConcurrent = 0, rawDays = 0, replay = 0;
        var methods = new List<Func<Task>>
        {
            async () => endToEnd = await ingestion.EndToEndAsync(days, cancellationToken),
            async () => rawRows = await ingestion.RawRowsAsync(days, 1, cancellationToken),
            async () => rawRowsConcurrent = await ingestion.RawRowsAsync(days, IngestionBenchmark.ListenerConcurrency, cancellationToken),
            async () => rawDays = await ingestion.RawDaysAsync(days, cancellationToken),
            async () => replay = await ingestion.ApplyReplayAsync(days, batches, cancellationToken),
        };

        // Reverse the order every other round, so that no method always runs on a warmer (or more cluttered) emulator.
        if (round % 2 == 0)
        {
            methods.Reverse();
        }

        foreach (var method in methods)
        {
            await method();
        }

        var result = new IngestionRound(round, days.Count, IngestionBenchmark.RawRowsTransactions(days), endToEnd!, rawRows, rawRowsConcurrent, rawDays, replay);
        rounds.Add(result);
        Console.WriteLine(
            $"round {round}: end to end {result.EndToEnd.RowsPerSecond,7:N0} rows/s ({result.EndToEnd.Elapsed.TotalSeconds:N2} s, posting {result.EndToEnd.Posting.TotalSeconds:N2} s)   " +
            $"raw rows {rawRows,7:N0} rows/s   ratio {result.EndToEndOverRaw:N2}   raw rows x16 {rawRowsConcurrent,7:N0} rows/s   raw days {rawDays,8:N0} rows/s   apply replay {replay,7:N0} rows/s");
    }

    Console.WriteLine($"Assisted sessions: {SessionBenchmark.WarmUp} warm-up and {arguments.Sessions:N0} measured, each way.");
    var sessions = await new SessionBenchmark(frontline, storage).RunAsync(arguments.Sessions, cancellationToken);

    var report = Report.Render(arguments, configuration, azuriteVersion, started, loadAverage, inserts, rounds, sessions);
    Console.WriteLine();
    Console.Write(report);
    if (arguments.MarkdownPath is { } markdownPath)
    {
        await File.WriteAllTextAsync(markdownPath, report, CancellationToken.None);
        Console.WriteLine($"(Also written to {Path.GetFullPath(markdownPath)}.)");
    }
}
finally
{
    // The app and the emulator are gone by now (disposed above, also on failure); their data with them.
    try
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
    catch (IOException)
    {
        // Left in the temp folder; harmless.
    }
}

static HttpClient Client(Uri baseAddress, string apiKey)
{
    var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
    return client;
}

static string AzuriteVersion(string emulatorRoot)
{
    var packageJson = Path.Combine(emulatorRoot, "node_modules", "azurite", "package.json");
    if (!File.Exists(packageJson))
    {
        return "(version not known until installed)";
    }

    using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
    return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() ?? "?" : "?";
}
