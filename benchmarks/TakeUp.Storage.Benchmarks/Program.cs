using System.Globalization;
using TakeUp.Hosting.LocalStorage;
using TakeUp.Storage;
using TakeUp.Storage.Benchmarks;

// Single AddEntityAsync calls against 100-entity transactions, on an in-memory Azurite started for this
// run. The ratio is what matters: absolute numbers depend on the machine and on the emulator.
var arguments = BenchmarkArguments.Parse(args);
var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
    ?? throw new InvalidOperationException("No package.json pinning azurite was found; run from the repository.");
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root));
var benchmark = new InsertBenchmark(new TableServiceClient(azurite.ConnectionString));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Inserting {arguments.Entities:N0} entities per run, {arguments.Rounds} rounds, Azurite in memory, one request at a time."));

// Warm-up: JIT, connection pool, and the emulator's own first-use costs.
await benchmark.RunAsync(InsertBenchmark.Method.Single, 1_000);
await benchmark.RunAsync(InsertBenchmark.Method.Batch, 1_000);

var single = new List<double>();
var batch = new List<double>();
for (var round = 1; round <= arguments.Rounds; round++)
{
    // Alternate the order so that neither method always runs on a warmer (or more cluttered) emulator.
    var order = round % 2 == 1
        ? new[] { InsertBenchmark.Method.Single, InsertBenchmark.Method.Batch }
        : new[] { InsertBenchmark.Method.Batch, InsertBenchmark.Method.Single };
    foreach (var method in order)
    {
        var rate = await benchmark.RunAsync(method, arguments.Entities);
        (method == InsertBenchmark.Method.Single ? single : batch).Add(rate);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: single {single[^1],9:N0} entities/s   batch {batch[^1],9:N0} entities/s"));
}

var medianSingle = Median(single);
var medianBatch = Median(batch);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median:  single {medianSingle,9:N0} entities/s   batch {medianBatch,9:N0} entities/s   batch/single = {medianBatch / medianSingle:N1}x"));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
