using System.Reflection;
using System.Text;
using Azure.Data.Tables;

namespace TakeUp.Functions.Benchmarks;

/// <summary>The run's findings as Markdown, printed and optionally written to a file.</summary>
internal static class Report
{
    /// <summary>The goal for ingestion end to end against the raw SDK's 100-entity transactions.</summary>
    public const double Goal = 0.8;

    public static string Render(
        BenchmarkArguments arguments,
        string configuration,
        string azuriteVersion,
        DateTimeOffset started,
        string? loadAverageAtStart,
        IReadOnlyList<InsertRound> inserts,
        IReadOnlyList<IngestionRound> rounds,
        (LatencySummary App, LatencySummary Raw) sessions)
    {
        var single = Median(inserts.Select(r => r.Single));
        var batch = Median(inserts.Select(r => r.Batch));
        var e2e = Median(rounds.Select(r => r.EndToEnd.RowsPerSecond));
        var rawRows = Median(rounds.Select(r => r.RawRows));
        var rawRowsConcurrent = Median(rounds.Select(r => r.RawRowsConcurrent));
        var rawDays = Median(rounds.Select(r => r.RawDays));
        var replay = Median(rounds.Select(r => r.ApplyReplay));
        var ratio = e2e / rawRows;
        var typical = rounds.OrderBy(r => r.EndToEnd.RowsPerSecond).ElementAt(rounds.Count / 2);
        var rows = typical.EndToEnd.Rows;
        var days = typical.ServiceDays;

        var loadAverage = loadAverageAtStart is { } load ? $" (one-minute load average {load} at the start: other work on the machine moves the numbers)" : "";
        var md = new StringBuilder();
        Line(md, "# Functions benchmark: raw SDK inserts, usage ingestion and assisted-session latency");
        Line(md);
        Line(md, $"{started:yyyy-MM-dd HH:mm} UTC. {Environment.ProcessorCount} cores{loadAverage}, Azurite {azuriteVersion} in memory, the app's {configuration} build " +
            "run by the local Functions host (TakeUp.LocalHost driving the real isolated worker: queue batches of 16, empty polls backing off to at most 2 s, as host.json says), " +
            $"HTTP on loopback. Baselines run in the same run against the same emulator, with the Azure SDK (Azure.Data.Tables {SdkVersion()}) as the app uses it.");
        Line(md);

        Line(md, "| comparison | median | ratio |");
        Line(md, "| --- | --- | --- |");
        Line(md, $"| raw SDK: 100-entity transactions / single inserts | {batch:N0} / {single:N0} entities/s | **{batch / single:N1}x** |");
        Line(md, $"| usage ingestion end to end / raw SDK 100-entity transactions (goal ≥ {Goal:N1}) | {e2e:N0} / {rawRows:N0} rows/s | **{ratio:N2}** |");
        Line(md, $"| assisted session POST / one raw `AddEntityAsync`, p50 | {sessions.App.P50:N2} / {sessions.Raw.P50:N2} ms | **{sessions.App.P50 / sessions.Raw.P50:N1}x** |");
        Line(md);

        Line(md, "## Raw SDK: 100-entity transactions against single inserts");
        Line(md);
        Line(md, $"Before the app starts: {arguments.Entities:N0} entities (seven properties: two strings, an Int64, a double, a bool, a time and a Guid; " +
            "500 to a partition) inserted into a fresh table as single `AddEntityAsync` calls and as 100-entity `SubmitTransactionAsync` " +
            $"entity-group transactions, one request at a time, after a warm-up of {InsertBenchmark.WarmUpEntities:N0} each way; " +
            $"{arguments.Rounds} rounds, the order swapped every other round; medians.");
        Line(md);
        Line(md, "| round | single | 100-entity transactions | transactions / single |");
        Line(md, "| --- | --- | --- | --- |");
        foreach (var round in inserts)
        {
            Line(md, $"| {round.Round} | {round.Single:N0} entities/s | {round.Batch:N0} entities/s | {round.BatchOverSingle:N1}x |");
        }

        Line(md, $"| **median** | **{single:N0} entities/s** | **{batch:N0} entities/s** | **{batch / single:N1}x** |");
        Line(md);

        Line(md, "## Usage ingestion: end to end against raw batch inserts");
        Line(md);
        Line(md, $"Each round: {rows:N0} fresh rows ({days:N0} service-days of the three DWP services, 14 count keys each, on days of 2025 and earlier " +
            $"not used before), `increments` mode. {arguments.Rounds} rounds after two warm-up rounds, the order of the methods reversed every other round; medians.");
        Line(md);
        Line(md, "| round | end to end | raw rows, 100/txn, one at a time (baseline) | end to end / raw | raw rows, 100/txn, 16 at a time | raw service-days, 100/txn | apply-step replay |");
        Line(md, "| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var round in rounds)
        {
            Line(md, $"| {round.Round} | {round.EndToEnd.RowsPerSecond:N0} rows/s | {round.RawRows:N0} rows/s | {round.EndToEndOverRaw:N2} | {round.RawRowsConcurrent:N0} rows/s | {round.RawDays:N0} rows/s | {round.ApplyReplay:N0} rows/s |");
        }

        Line(md, $"| **median** | **{e2e:N0} rows/s** | **{rawRows:N0} rows/s** | **{ratio:N2}** | {rawRowsConcurrent:N0} rows/s | {rawDays:N0} rows/s | {replay:N0} rows/s |");
        Line(md);
        Line(md, $"- **End to end**: `POST /api/usage` with the ingest key, {typical.EndToEnd.Submissions} submissions of about " +
            $"{IngestionBenchmark.RowsPerSubmission:N0} rows one after another (the app split them into {typical.EndToEnd.Chunks} queued batches), " +
            "timed from the first POST until every `GET /api/usage/receipts/{id}` said `applied` (receipts polled every 20 ms).");
        Line(md, "- **Baseline, raw rows**: the same rows, one entity per row (date, service, channel, assisted, count; partition service|month), " +
            "inserted into a fresh table with 100-entity `SubmitTransactionAsync` calls, one at a time: the transactions of the raw SDK " +
            "section above. It is the fair yardstick for \"the raw batch-insert rate\": the same rows, stored as plainly and " +
            "as cheaply as Table storage allows, with no validation, queue, exactly-once marker or receipt; what a bulk loader writing straight to storage would reach. " +
            "The app applies up to 16 batches at once, so the same inserts 16 at a time are shown beside it: on this emulator they gain little, " +
            "because Azurite runs on one Node.js thread and concurrency mostly hides round trips.");
        Line(md, "- **Raw service-days** (for reference, a stricter bound): one entity per service-day holding an Int64 per count key, as `UsageDaily` " +
            "stores a day, but partitioned by service|year so 100 days fit one transaction: one entity per 14 rows, where the baseline writes 14 " +
            "and the app two (the day's totals and its batch marker, in a transaction of their own). The ceiling for the stored shape, not a goal: " +
            "`UsageDaily` keeps one partition per service-day so that each day is applied exactly once under its own ETag, which rules out 100-day transactions.");
        Line(md, "- **Apply-step replay** (diagnostic): only the storage calls `ApplyUsageBatch` makes per service-day (read the day's totals, then one " +
            "transaction adding the batch marker and the totals), with the app's keys, in as many batches as the app made, 16 at a time. No HTTP, queue or receipts.");
        Line(md);
        Line(md, ratio >= Goal
            ? $"**Goal end to end ≥ {Goal:N1} × raw batch inserts: met** ({ratio:N2}; against the inserts 16 at a time, {e2e / rawRowsConcurrent:N2})."
            : $"**Goal end to end ≥ {Goal:N1} × raw batch inserts: not met** ({ratio:N2}; against the inserts 16 at a time, {e2e / rawRowsConcurrent:N2}).");
        Line(md);

        var e2eTime = typical.EndToEnd.Elapsed.TotalSeconds;
        var rawRowsTime = rows / typical.RawRows;
        var replayTime = rows / typical.ApplyReplay;
        var rawTransactions = typical.RawRowsTransactions;
        Line(md, $"Where the time goes (the median round, {e2eTime:N2} s end to end):");
        Line(md);
        Line(md, $"- Posting: {typical.EndToEnd.Posting.TotalSeconds:N2} s from the first POST to the last 202 (validation, receipt rows, " +
            $"{typical.EndToEnd.Chunks} queue messages); the queue listener starts applying while later submissions are still being posted.");
        Line(md, $"- The receipts' own clock: {typical.EndToEnd.ServerSpan.TotalSeconds:N2} s from the first `submittedAt` to the last `appliedAt`; " +
            $"the other {Math.Max(0, e2eTime - typical.EndToEnd.ServerSpan.TotalSeconds):N2} s is the first POST's work before its receipt was stamped, and seeing the last receipt applied (20 ms polls).");
        Line(md, $"- Storage requests: the baseline writes these rows in {rawTransactions:N0} transactions; the apply step needs a point read and a " +
            $"transaction per service-day, {2 * days:N0} requests, plus per queued batch a receive, a receipt check and update, and a delete. " +
            $"Replaying only the apply step's reads and transactions (16 at a time) took {replayTime:N2} s against {rawRowsTime:N2} s for the baseline.");
        Line(md);

        Line(md, "## Assisted session: POST latency against one raw insert");
        Line(md);
        Line(md, $"{arguments.Sessions:N0} sessions each way, one request at a time, after {SessionBenchmark.WarmUp} of each not counted; " +
            "in four alternating blocks. Milliseconds from a Stopwatch around each request.");
        Line(md);
        Line(md, "| | mean | p50 | p90 | p99 |");
        Line(md, "| --- | --- | --- | --- | --- |");
        Row(md, $"`POST /api/services/{SessionBenchmark.Service}/assisted-sessions` (201, front-line key)", sessions.App);
        Row(md, "baseline: one `AddEntityAsync`, same 15 properties", sessions.Raw);
        Line(md, $"| app / baseline | {sessions.App.Mean / sessions.Raw.Mean:N1}x | **{sessions.App.P50 / sessions.Raw.P50:N1}x** | " +
            $"{sessions.App.P90 / sessions.Raw.P90:N1}x | **{sessions.App.P99 / sessions.Raw.P99:N1}x** |");
        Line(md);
        Line(md, "- **App**: a real HTTP request: authentication by API key, the catalogue, validation (including the personal-data check), " +
            "and the writes the app makes for a session (its index row and the session row).");
        Line(md, "- **Baseline**: the least a session could cost: one insert of an entity with the properties the app stores for a session, " +
            "keyed as the app keys it, into a fresh table, with the SDK's `TableClient`.");
        return md.ToString();
    }

    /// <summary>The Azure.Data.Tables release this benchmark was built with, as its package names it.</summary>
    public static string SdkVersion()
    {
        var version = typeof(TableClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(TableClient).Assembly.GetName().Version?.ToString()
            ?? "?";
        var build = version.IndexOf('+', StringComparison.Ordinal);
        return build < 0 ? version : version[..build];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The one-minute load average on Linux, null elsewhere.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;

    private static void Row(StringBuilder md, string name, LatencySummary latency) =>
        Line(md, $"| {name} | {latency.Mean:N2} | {latency.P50:N2} | {latency.P90:N2} | {latency.P99:N2} |");

    private static void Line(StringBuilder md, string text = "") =>
        md.Append(text).Append('\n');
}
