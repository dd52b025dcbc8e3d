using System.Text;

namespace TakeUp.Hosting.Benchmarks;

/// <summary>The run's findings as Markdown.</summary>
internal static class Report
{
    /// <summary>The goals of the hosting issue: worker ready in under a second; worker at most 200 MB after the demo load.</summary>
    public const double WorkerReadyGoalMilliseconds = 1000;
    public const double WorkerMemoryGoalMegabytes = 200;

    public static string Render(
        DateTimeOffset started,
        string? loadAverage,
        string configuration,
        IReadOnlyList<(int Round, StartMeasurement Baseline, StartMeasurement App)> rounds,
        DemoMeasurement demo)
    {
        double Median(Func<(int Round, StartMeasurement Baseline, StartMeasurement App), double> value)
        {
            var sorted = rounds.Select(value).Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var appFirst = Median(r => r.App.FirstAnswer.TotalMilliseconds);
        var baseFirst = Median(r => r.Baseline.FirstAnswer.TotalMilliseconds);
        var appReady = Median(r => r.App.Worker.ReadyAfterMilliseconds);
        var baseReady = Median(r => r.Baseline.Worker.ReadyAfterMilliseconds);
        var appWorkerMb = Median(r => r.App.WorkerMegabytes);
        var baseWorkerMb = Median(r => r.Baseline.WorkerMegabytes);
        var appHostMb = Median(r => r.App.HostMegabytes);
        var baseHostMb = Median(r => r.Baseline.HostMegabytes);

        var md = new StringBuilder();
        Line(md, "# Hosting benchmark: cold start and memory under the local Functions host");
        Line(md);
        var load = loadAverage is null ? "" : $" (one-minute load average {loadAverage} at the start)";
        Line(md, $"{started:yyyy-MM-dd HH:mm} UTC. {Environment.ProcessorCount} cores{load}, {configuration} builds, an in-memory Azurite. " +
            "Each start runs `TakeUp.LocalHost` as its own process over the app's build output with a fresh data folder, as " +
            "`dotnet run --project src/TakeUp.LocalHost` does, and the worker as the host's child. The baseline is an isolated worker " +
            $"with one trivial function per trigger kind (`tests/TakeUp.LocalHost.SampleApp`), started the same way in the same run. " +
            $"{rounds.Count} rounds after one warm-up each, the order swapped every other round; medians.");
        Line(md);
        Line(md, "| measure | TakeUp app | baseline | ratio | goal |");
        Line(md, "| --- | --- | --- | --- | --- |");
        Line(md, $"| host process start to first 200 (`api/health`; baseline `api/Ping`) | {appFirst:N0} ms | {baseFirst:N0} ms | {appFirst / baseFirst:N2}x | |");
        Line(md, $"| worker process start to ready (functions loaded, HTTP listening) | {appReady:N0} ms | {baseReady:N0} ms | {appReady / baseReady:N2}x | < {WorkerReadyGoalMilliseconds:N0} ms: **{(appReady < WorkerReadyGoalMilliseconds ? "met" : "not met")}** |");
        Line(md, $"| worker resident memory at the first answer | {appWorkerMb:N0} MiB | {baseWorkerMb:N0} MiB | {appWorkerMb / baseWorkerMb:N2}x | |");
        Line(md, $"| host resident memory at the first answer | {appHostMb:N0} MiB | {baseHostMb:N0} MiB | {appHostMb / baseHostMb:N2}x | |");
        Line(md, $"| worker resident memory when the demo load has written ({demo.Loaded.TotalSeconds:N0} s) | {demo.WorkerAfterLoadMegabytes:N0} MiB | {baseWorkerMb:N0} MiB idle | {demo.WorkerAfterLoadMegabytes / baseWorkerMb:N2}x | ≤ {WorkerMemoryGoalMegabytes:N0} MB: **{Met(demo.WorkerAfterLoadMegabytes)}** |");
        Line(md, $"| worker resident memory once the {demo.Services} trend recomputations it queued have run ({demo.Recomputed.TotalSeconds:N0} s) | {demo.WorkerMegabytes:N0} MiB | {baseWorkerMb:N0} MiB idle | {demo.WorkerMegabytes / baseWorkerMb:N2}x | ≤ {WorkerMemoryGoalMegabytes:N0} MB: **{Met(demo.WorkerMegabytes)}** |");
        Line(md, $"| host resident memory then | {demo.HostMegabytes:N0} MiB | {baseHostMb:N0} MiB idle | {demo.HostMegabytes / baseHostMb:N2}x | |");
        Line(md);
        Line(md, "| round | app: first 200 | app: worker ready | baseline: first 200 | baseline: worker ready |");
        Line(md, "| --- | --- | --- | --- | --- |");
        foreach (var (round, baseline, app) in rounds)
        {
            Line(md, $"| {round} | {app.FirstAnswer.TotalMilliseconds:N0} ms | {app.Worker.ReadyAfterMilliseconds:N0} ms | {baseline.FirstAnswer.TotalMilliseconds:N0} ms | {baseline.Worker.ReadyAfterMilliseconds:N0} ms |");
        }

        Line(md);
        Line(md, "Worker ready is the host's own measure (`GET /admin/host/status`, `worker.readyAfterMilliseconds`): from the host " +
            "deciding to start the worker process to its functions loaded over gRPC and its HTTP server accepting connections. " +
            "The first 200 adds the host's own start-up and, for the app, its health check's first storage round trips.");
        return md.ToString();
    }

    private static string Met(double mebibytes) => mebibytes * 1.048576 <= WorkerMemoryGoalMegabytes ? "met" : "not met";

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
