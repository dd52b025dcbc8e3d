using System.Text;
using System.Text.Json;
using TakeUp.Domain.Calendar;

namespace TakeUp.Trends.Benchmarks;

/// <summary>The run's findings as Markdown, printed and optionally written to a file.</summary>
internal static class Report
{
    public static string Render(RunSetting setting, SeedFacts seed, FullRunFacts full, IncrementalFacts incremental, IReadOnlyList<string> notes, TimeSpan total)
    {
        var md = new StringBuilder();
        var arguments = setting.Arguments;
        var plan = seed.Plan;
        var readOnce = full.ReadOnce;
        var run = full.Run.Observed;
        var perService = full.Output.PeriodRows / (double)Math.Max(1, full.Output.PeriodsByService.Count);

        Line(md, "# Trends benchmark: the nightly computation against reading the data once");
        Line(md);
        var load = setting.LoadAverage is { } l
            ? $", one-minute load average {l} at the start and {LoadAverage()} at the end (other work on the machine moves the numbers)"
            : "";
        Line(md, $"{setting.Started:yyyy-MM-dd HH:mm} UTC, {total.TotalMinutes:N1} min in all. {Environment.ProcessorCount} cores{load}. " +
            $"Azurite {setting.AzuriteVersion} in memory; the app's {setting.Configuration} build run by the local Functions host (the real isolated worker) " +
            $"(its own queue listener: batches of {ReadOnce.ListenerConcurrency}, a new batch fetched when half is left, so up to 24 jobs at once; " +
            "empty polls back off to at most 2 s, as host.json says); HTTP and storage on loopback. The baseline runs in the same run against the same emulator, with the Azure SDK (Azure.Data.Tables, Azure.Storage.Queues) as the app uses it.");
        Line(md);

        Line(md, "## Data (setup, not measured)");
        Line(md);
        if (seed.Services < plan.Requested)
        {
            Line(md, $"**N reduced: {seed.Services:N0} services, not the {plan.Requested:N0} asked for.** The plan stopped because {plan.StopReason}. " +
                $"Seeding all {plan.Requested:N0} × {arguments.Years} years at the rates seen would take at least {plan.ProjectedSeedingForAll().TotalMinutes:N0} min " +
                $"(first slice {plan.Slices[0].Rate:N0} rows/s, last {plan.Slices[^1].Rate:N0} rows/s: Azurite slows as a table grows), and the measurements " +
                $"about {plan.MeasureTime(plan.Requested).TotalMinutes:N0} min more: one service's read would cost about " +
                $"{plan.ReadCost((long)plan.Requested * DaysPerService(setting)).TotalSeconds:N1} s with {plan.Requested:N0} services' days in the table.");
            Line(md);
        }

        Line(md, $"**N = {seed.Services:N0} services, Y = {arguments.Years} {(arguments.Years == 1 ? "year" : "years")}** ({seed.Catalogue + seed.UsageDays + seed.Activity:N0} entities seeded).");
        Line(md);
        Line(md, $"- **{seed.Services:N0} services** in the `Services` table, written as `ServiceStore` writes them and checked with the app's own validator: " +
            $"{UsageModel.Departments} departments, daily feeds, {seed.WithTargets:N0} (every third) with a digital take-up target due in the future, " +
            "offline channels phone, paper and face to face, one manager and one e-mail alert route each (no Notify key, so e-mails are recorded as skipped).");
        Line(md, $"- **{seed.UsageDays:N0} days of usage** in `UsageDaily`: {DaysPerService(setting):N0} per service, {setting.FirstDay:yyyy-MM-dd} to {setting.LastSeededDay:yyyy-MM-dd}, " +
            "one `totals` row per service-day (partition `{service}|{yyyyMMdd}`) with every count property, `Revision` 1, `UpdatedAt` the time of seeding and a `LastBatchId`, " +
            "as `UsageDailyStore` writes a new day (its `m|{batchId}` marker rows are not seeded). Each service has its own volume (1,000 to 50,000 transactions a week), " +
            "weekday pattern, take-up path (start 35–80%, drifting −3 to +10 points a year, a yearly cycle, a mean-reverting weekly wander, daily noise), API share and assisted share.");
        Line(md, $"- **{seed.Activity:N0} `activity` rows** in `Trends`: `LastArrivedAt` the time of seeding, never computed.");
        Line(md, $"- {seed.Catalogue + seed.UsageDays + seed.Activity:N0} entities in {seed.Seeding.TotalMinutes:N1} min of seeding " +
            $"({(seed.UsageDays + seed.Catalogue + seed.Activity) / seed.Seeding.TotalSeconds:N0} entities/s, one request each — every service-day is its own partition — " +
            $"{Seeder.Concurrency} at a time), in {plan.Slices.Count} slices; after each, one service's read was timed on 8 services " +
            $"({seed.Probes.TotalSeconds:N0} s in all). The app then started in {seed.AppStart.TotalSeconds:N1} s (it found the catalogue full, so seeded nothing, and wrote its development keys).");
        Line(md, $"- The hourly `CheckDataFreshness` was run once through the admin endpoint before anything was measured ({seed.FreshnessCheck.TotalSeconds:N1} s), " +
            "so every service already had its `feed-late` rule state, as it would after any hour in production; a later hourly run then only reads.");
        Line(md);
        Line(md, "| after slice | services | usage rows | seeding rows/s | one service's read |");
        Line(md, "| --- | --- | --- | --- | --- |");
        foreach (var (slice, i) in plan.Slices.Select((s, i) => (s, i)))
        {
            if (i == 0 || i == plan.Slices.Count - 1 || plan.Slices.Count <= 8 || i % Math.Max(1, plan.Slices.Count / 6) == 0)
            {
                Line(md, $"| {i + 1} | {slice.Services:N0} | {slice.UsageEntities:N0} | {slice.Rate:N0} | {slice.ReadPerService.TotalMilliseconds:N0} ms |");
            }
        }

        Line(md);

        Line(md, "## Results");
        Line(md);
        Line(md, "| | wall time | services/s | ratio |");
        Line(md, "| --- | --- | --- | --- |");
        Line(md, $"| read-once baseline, before the run | {Seconds(full.ReadBefore.Elapsed)} | {full.ReadBefore.ServicesPerSecond:N1} | |");
        Line(md, $"| read-once baseline, after the run | {Seconds(full.ReadAfter.Elapsed)} | {full.ReadAfter.ServicesPerSecond:N1} | |");
        Line(md, $"| **full nightly run** ({seed.Services:N0} services) | **{Seconds(run)}** | **{seed.Services / run.TotalSeconds:N1}** | **full / read-once = {full.Ratio:N2}** (mean of the two passes) |");
        Line(md, $"| replay of the run's Trends and CrossGov writes only | {Seconds(full.Replay.Elapsed)} | {full.Replay.Services / full.Replay.Elapsed.TotalSeconds:N1} | replay / full = {full.Replay.Elapsed / run:N2} |");
        Line(md, $"| **incremental run** ({incremental.Changed:N0} services with a new day) | **{Seconds(incremental.Run.Observed)}** | {incremental.Changed / incremental.Run.Observed.TotalSeconds:N1} | **incremental / full = {incremental.Run.Observed / run:N3}** |");
        Line(md, $"| read-once of those {incremental.Changed:N0} services | {Seconds(incremental.ReadChanged.Elapsed)} | {incremental.ReadChanged.ServicesPerSecond:N1} | incremental / its read-once = {incremental.Run.Observed / incremental.ReadChanged.Elapsed:N2} |");
        Line(md);
        Line(md, $"Cross-check from the emulator's own clock: the last `activity` row of the full run was written {full.Run.LastWrite.TotalSeconds:N1} s after the trigger " +
            $"(observed complete at {run.TotalSeconds:N1} s); of the incremental run, {incremental.Run.LastWrite.TotalSeconds:N2} s (observed {incremental.Run.Observed.TotalSeconds:N2} s). " +
            $"The two read-once passes differ by {Math.Abs(full.ReadBefore.Elapsed.TotalSeconds - full.ReadAfter.Elapsed.TotalSeconds) / readOnce.TotalSeconds:P0} of their mean: that is the run-to-run noise to read the ratios against.");
        Line(md);
        Line(md, $"Incremental check: {incremental.Changed:N0} services computed again; of the other {incremental.UnchangedChecked:N0}, " +
            (incremental.UnchangedRecomputed.Count == 0
                ? "**none was recomputed** (every `LastComputedAt` unchanged)."
                : $"**{incremental.UnchangedRecomputed.Count:N0} were recomputed** although they had no new data (e.g. {string.Join(", ", incremental.UnchangedRecomputed.Take(5))}).") +
            $" The incremental run rewrote {incremental.Written.TrendsRows:N0} Trends period rows across {incremental.Written.TrendsServices:N0} services and {incremental.Written.CrossGovRows:N0} CrossGov rows " +
            $"({incremental.Written.TrendsRows / (double)Math.Max(1, incremental.Changed):N1} per service, against {perService:N0} per service in the full run).");
        Line(md);

        Line(md, "## What each step did");
        Line(md);
        Line(md, $"1. **Read-once baseline**: for every service, `UsageDaily` queried with `UsageDailyStore.ReadDaysAsync`'s filter and range " +
            $"(`PartitionKey ge '{{service}}|{setting.HistoryRead.From:yyyyMMdd}' and PartitionKey le '{{service}}|{setting.HistoryRead.To:yyyyMMdd}' and RowKey eq 'totals'`: " +
            $"ten years back to the start of the oldest week, month or quarter, as `ComputeServiceTrend` reads), every page ({full.ReadBefore.Pages:N0} pages, {full.ReadBefore.Days:N0} days), " +
            $"{ReadOnce.ListenerConcurrency} services at a time. The least a nightly run must do; no arithmetic, no writes. Run just before and just after the full run.");
        Line(md, $"2. **Full nightly run**: `POST /admin/functions/ScheduleTrendComputation` (body `{{}}`), which runs the timer function now; it queued one `trend-jobs` message per service " +
            (full.Monday ? "(a Monday: every service, in full). " : "with new data (all of them: none had been computed). ") +
            "Timed from just before the POST until the `trend-jobs` queue was seen empty (polled every 100 ms) and a scan of `Trends` (`RowKey eq 'activity'`) showed every service's `LastComputedAt` set. " +
            $"Each job (`ComputeServiceTrend`) read the catalogue (cached), the `activity` row and the service's history, wrote {perService:N0} period rows to `Trends` in 100-row transactions and the same rows to `CrossGov` " +
            "one upsert each, wrote the summary, read assisted sessions and support requests (none here), evaluated seven rules, recorded rule states and alerts in `Alerts` and queued the alerts, " +
            $"then stamped `LastComputedAt`. In all: {full.Output.PeriodRows:N0} Trends rows, {full.Output.CrossGovRows:N0} CrossGov rows, {full.Output.TrendRuleStates:N0} rule states, " +
            $"{full.Output.Alerts:N0} alerts raised ({AlertsByRule(full.Output)}), {full.Output.Deliveries:N0} delivery records (`DeliverAlert` ran beside the jobs; " +
            (full.AlertsQueuedAtEnd == 0
                ? "its queue was empty when the last job ended). "
                : $"{full.AlertsQueuedAtEnd:N0} alert messages were still queued when the last job ended, all sent {full.AlertsDrained.TotalSeconds:N1} s later, not counted in the run). ") +
            (full.Run.AllQueuedBy is { } queuedBy
                ? $"The schedule sends its messages one at a time while the first jobs already run: it had sent all {seed.Services:N0} by about {queuedBy.TotalSeconds:N0} s (sampled every 15 s)."
                : ""));
        Line(md, $"3. **Write replay** (diagnostic): the rows the run stored, read back and written again into two fresh tables exactly as `TrendStore` writes them: per service its Trends rows in " +
            $"{full.Replay.TrendsTransactions:N0} upsert transactions in all, its CrossGov rows one upsert each, 8 at a time ({full.Replay.CrossGovUpserts:N0} upserts), and its summary; " +
            $"{ReadOnce.ListenerConcurrency} services at a time. No reads, arithmetic or alerts.");
        Line(md, $"4. **Incremental run**: {setting.NewDay:yyyy-MM-dd} written as a new `totals` row (fresh `UpdatedAt`) for every 20th service ({incremental.Changed:N0}), and their `activity` " +
            "`LastArrivedAt` set to now, as usage arriving does; then " +
            (incremental.Monday
                ? "(today is Monday in London, when the schedule would recompute every service in full) one `trend-jobs` message per changed service, `{\"service\":\"…\",\"full\":false}`, sent directly, base64-encoded as the app's queue client does. "
                : "`ScheduleTrendComputation` triggered again, which queues only services whose usage arrived after their last computation. ") +
            "Timed until the queue was empty and those services' `LastComputedAt` had advanced; then every other service's `LastComputedAt` was compared with its value before.");
        Line(md);

        Line(md, "## Where the nightly time goes");
        Line(md);
        var readShare = readOnce / run;

        // The first probe also warms up the emulator and the client; the second is the fairer small-table figure.
        var small = plan.Slices[Math.Min(1, plan.Slices.Count - 1)];
        var writeShare = full.Replay.Elapsed / run;
        var rest = 1 - readShare - writeShare;
        Line(md, $"- **Reading the history: about {readShare:P0} of the full run** (read-once {readOnce.TotalSeconds:N1} s of {run.TotalSeconds:N1} s).");
        Line(md, $"- **Writing Trends and CrossGov: about {writeShare:P0}** (the replay, {full.Replay.Elapsed.TotalSeconds:N1} s). Per service that is " +
            $"{full.Replay.TrendsTransactions / (double)Math.Max(1, full.Replay.Services):N1} Trends transactions but {full.Replay.CrossGovUpserts / (double)Math.Max(1, full.Replay.Services):N0} single CrossGov upserts: " +
            "`CrossGov` is partitioned by period, so a service's rows cannot share a transaction, and the full run pays one request per period.");
        Line(md, $"- **Everything else: about {Math.Max(0, rest):P0}**: the queue (receive, lease renewal, delete), the catalogue and `activity` reads and writes, " +
            $"the summary, the empty session and support-request queries, and the rules: {full.Output.TrendRuleStates / (double)Math.Max(1, seed.Services):N1} rule-state transactions per service on a first run, " +
            $"two `Alerts` partition queries per service, {full.Output.Alerts:N0} alerts queued, and the arithmetic (rollups over ten years of weeks, months and quarters, the trend line, the rules). " +
            $"The app itself used {full.RunCpu.App.TotalSeconds:N1} s of processor time in the run, {full.RunCpu.App.TotalMilliseconds / Math.Max(1, seed.Services):N0} ms per service " +
            $"(against {full.ReadBeforeCpu.App.TotalMilliseconds / Math.Max(1, seed.Services):N1} ms per service while the baseline read). " +
            (rest < 0 ? "The parts measured alone add up to more than the run: the app overlaps some of them, and the replay writes into fresh tables. " : ""));
        Line(md, $"- **The incremental night** re-reads each changed service's whole history for its one new day: per service it cost " +
            $"{incremental.Run.Observed.TotalSeconds / Math.Max(1, incremental.Changed) * 1000:N0} ms against {run.TotalSeconds / Math.Max(1, seed.Services) * 1000:N0} ms in the full run " +
            $"and {incremental.ReadChanged.Elapsed.TotalSeconds / Math.Max(1, incremental.Changed) * 1000:N0} ms to read those services once. The writes shrank " +
            $"({incremental.Written.TrendsRows / (double)Math.Max(1, incremental.Changed):N1} period rows per service instead of {perService:N0}); the read did not, " +
            (incremental.Run.Observed < incremental.ReadChanged.Elapsed * 1.5
                ? "and reading the history is most of an incremental night."
                : "but at this size the rest of each job (queue, catalogue, activity, summary, rule states and alert queries) costs more than the read."));
        Line(md, $"- **Which process is busy**: during the full run {full.RunCpu.Describe()}; during the read-once pass {full.ReadBeforeCpu.Describe()}. " +
            "Azurite answers on one Node.js thread, so a figure near 1.0 core means the emulator is the bottleneck and the storage parts add up rather than overlap.");
        Line(md, $"- **An emulator effect to keep in mind**: Azurite answers every table query by testing every entity in the table, so one service's read costs in proportion to the whole " +
            $"`UsageDaily` table ({small.ReadPerService.TotalMilliseconds:N0} ms with {small.UsageEntities:N0} rows, {plan.Slices[^1].ReadPerService.TotalMilliseconds:N0} ms with {plan.Slices[^1].UsageEntities:N0}), " +
            "and a night's reads in proportion to the square of the number of services. Azure Table storage serves a partition-key range in proportion to the rows it returns, " +
            "so there the read share would be smaller and the per-request writes (CrossGov upserts, rule states) a larger part of the night. The ratio is for this emulator, at this N.");
        Line(md);

        if (notes.Count > 0)
        {
            Line(md, "## Notes");
            Line(md);
            foreach (var note in notes)
            {
                Line(md, "- " + note);
            }

            Line(md);
        }

        Line(md, $"Run with `dotnet run --project benchmarks/TakeUp.Trends.Benchmarks -c Release -- --services {arguments.Services} --years {arguments.Years}" +
            $"{(arguments.BudgetMinutes != BenchmarkArguments.DefaultBudgetMinutes ? $" --budget-minutes {arguments.BudgetMinutes}" : "")}" +
            $"{(arguments.SeedMinutes != BenchmarkArguments.DefaultSeedMinutes ? $" --seed-minutes {arguments.SeedMinutes}" : "")}`.");
        return md.ToString();
    }

    /// <summary>
    /// The app's other timers that fired between two instants (local mode runs them on their London
    /// schedules): they read every service, so they add load to a measurement they fall in.
    /// </summary>
    public static IEnumerable<string> TimerCrossings(DateTimeOffset from, DateTimeOffset to, string phase)
    {
        var found = new List<string>();
        var minute = new DateTimeOffset(from.Year, from.Month, from.Day, from.Hour, from.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        for (var steps = 0; minute <= to && steps < 24 * 60; minute = minute.AddMinutes(1), steps++)
        {
            var london = TimeZoneInfo.ConvertTime(minute, UkTime.Zone);
            var name = (london.Hour, london.Minute, london.DayOfWeek) switch
            {
                (_, 5, _) => "CheckDataFreshness (hourly at :05, the feed-late rule for every service)",
                (1, 30, _) => "ScheduleTrendComputation itself (01:30)",
                (3, 15, _) => "PurgeExpiredRecords (03:15)",
                (7, 0, DayOfWeek.Monday) => "SendWeeklyDigest (Mondays 07:00)",
                _ => null,
            };
            if (name is not null)
            {
                found.Add($"The app's timer {name} was due at {london:HH:mm} London time, during {phase}; its work ran beside the measurement.");
            }
        }

        return found;
    }

    /// <summary>The one-minute load average on Linux, null elsewhere.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;

    public static string AzuriteVersion(string emulatorRoot)
    {
        var packageJson = Path.Combine(emulatorRoot, "node_modules", "azurite", "package.json");
        if (!File.Exists(packageJson))
        {
            return "(version not known until installed)";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
        return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() ?? "?" : "?";
    }

    private static string AlertsByRule(AppOutput output) =>
        output.AlertsByRule.Count == 0 ? "none" : string.Join(", ", output.AlertsByRule.Select(p => $"{p.Key} {p.Value:N0}"));

    private static int DaysPerService(RunSetting setting) => setting.LastSeededDay.DayNumber - setting.FirstDay.DayNumber + 1;

    private static string Seconds(TimeSpan time) => time.TotalSeconds >= 10 ? $"{time.TotalSeconds:N1} s" : $"{time.TotalSeconds:N2} s";

    private static void Line(StringBuilder md, string text = "") =>
        md.Append(text).Append('\n');
}
