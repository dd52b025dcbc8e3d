using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using TakeUp.Domain.Calendar;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using TakeUp.LocalHost.Storage;
using TakeUp.Trends.Benchmarks;
using TakeUp.Benchmarks.Shared;

// The nightly trend computation of the running app against the least it could cost (reading every
// service's history once), side by side in one run, reported as ratios; then an incremental night
// in which 5% of services have a new day. Everything runs on loopback: an in-memory Azurite and the
// app's Release build, both started for this run and stopped at its end.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var arguments = BenchmarkArguments.Parse(args);
var started = DateTimeOffset.UtcNow;
var runClock = Stopwatch.StartNew();
var loadAverage = Report.LoadAverage();
var budget = TimeSpan.FromMinutes(arguments.BudgetMinutes);

// A bound on the whole run, so that it always ends by itself; Ctrl+C ends it sooner.
using var cancellation = new CancellationTokenSource((budget * 2) + TimeSpan.FromMinutes(10));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var cancellationToken = cancellation.Token;

var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
    ?? throw new InvalidOperationException("No package.json pinning azurite was found; run from the repository.");
var azuriteVersion = Report.AzuriteVersion(root);
var appPath = AppProcess.AppPath();
var configuration = AppProcess.Configuration();
if (configuration != "Release")
{
    Console.WriteLine($"Warning: built in {configuration}, so the app runs its {configuration} build; measure with -c Release.");
}

var dataDirectory = Path.Combine(Path.GetTempPath(), "takeup-trends-benchmark-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataDirectory);

try
{
    await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root), cancellationToken);
    var emulatorPid = ProcessCpu.FindEmulator();
    var tables = new TableServiceClient(azurite.ConnectionString);
    var seeder = new Seeder(tables, azurite.ConnectionString);
    await seeder.CreateTablesAndQueuesAsync(cancellationToken);
    Console.WriteLine($"Azurite {azuriteVersion} in memory at {azurite.TableEndpoint.Authority}; {Environment.ProcessorCount} cores.");

    // Days are London days, fixed for the run: history up to the day before yesterday, and
    // yesterday as the incremental night's new day.
    var today = UkTime.DateOf(DateTimeOffset.UtcNow);
    var firstDay = today.AddYears(-arguments.Years);
    var lastSeededDay = today.AddDays(-2);
    var newDay = today.AddDays(-1);
    var daysPerService = lastSeededDay.DayNumber - firstDay.DayNumber + 1;
    var setting = new RunSetting(arguments, configuration, azuriteVersion, started, loadAverage, today, firstDay, lastSeededDay, newDay, AppShapes.HistoryRead(today));

    // 1. Seed, slice by slice, as many of the requested services as the budgets allow.
    var candidates = UsageModel.Services(arguments.Services, today);
    var plan = new SeedingPlan(arguments.Services, daysPerService, budget, TimeSpan.FromMinutes(arguments.SeedMinutes));
    var readOnce = new ReadOnce(tables.GetTableClient(AppShapes.UsageDailyTable));
    var seeded = new List<SeededService>();
    int catalogueRows = 0, activityRows = 0;
    long usageDays = 0;
    var seeding = TimeSpan.Zero;
    var probes = TimeSpan.Zero;
    Console.WriteLine($"Seeding up to {arguments.Services:N0} services × {daysPerService:N0} days ({firstDay:yyyy-MM-dd} to {lastSeededDay:yyyy-MM-dd}), " +
        $"{Seeder.Concurrency} requests at a time, in slices of {plan.SliceSize:N0} services; one service's read is timed after each slice.");
    for (var size = plan.Next(runClock.Elapsed, seeding); size > 0; size = plan.Next(runClock.Elapsed, seeding))
    {
        var slice = candidates.Skip(seeded.Count).Take(size).ToList();
        var stopwatch = Stopwatch.StartNew();
        var written = await seeder.SeedAsync(slice, firstDay, lastSeededDay, DateTimeOffset.UtcNow, cancellationToken);
        var sliceTime = stopwatch.Elapsed;
        seeding += sliceTime;
        seeded.AddRange(slice);
        catalogueRows += written.Catalogue;
        usageDays += written.Days;
        activityRows += written.Activity;

        stopwatch.Restart();
        var perService = await readOnce.PerServiceAsync(Spread(seeded, 8), today, cancellationToken);
        probes += stopwatch.Elapsed;
        var record = new SeedSlice(seeded.Count, usageDays, written.Days / sliceTime.TotalSeconds, sliceTime, perService);
        plan.Record(record);
        Console.WriteLine($"  {seeded.Count,5:N0} services, {usageDays,9:N0} days: slice at {record.Rate,6:N0} rows/s; one service's read now {perService.TotalMilliseconds,6:N0} ms " +
            $"({runClock.Elapsed.TotalMinutes:N1} min so far)");
    }

    if (seeded.Count < arguments.Services)
    {
        Console.WriteLine($"Reduced to {seeded.Count:N0} of {arguments.Services:N0} services: {plan.StopReason}.");
    }

    var ids = seeded.Select(s => s.Id).ToList();
    var byId = seeded.ToDictionary(s => s.Id, StringComparer.Ordinal);

    // 2. The real app, against the seeded storage.
    var appStopwatch = Stopwatch.StartNew();
    await using var app = await AppProcess.StartAsync(appPath, azurite.ConnectionString, dataDirectory, cancellationToken);
    var appStart = appStopwatch.Elapsed;
    Console.WriteLine($"The app ({appPath}) at {app.BaseAddress}, ready in {appStart.TotalSeconds:N1} s.");
    var cpu = new ProcessCpu(emulatorPid, app.ProcessId);
    using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    http.DefaultRequestHeaders.Add("x-functions-key", app.MasterKey());
    var jobs = new QueueClient(azurite.ConnectionString, AppShapes.TrendJobsQueue, AppShapes.QueueOptions());
    var alertsQueue = new QueueClient(azurite.ConnectionString, AppShapes.AlertsQueue, AppShapes.QueueOptions());
    var watcher = new TrendWatcher(
        tables.GetTableClient(AppShapes.TrendsTable),
        jobs,
        new QueueClient(azurite.ConnectionString, AppShapes.Poison(AppShapes.TrendJobsQueue), AppShapes.QueueOptions()));
    var outputReader = new AppOutputReader(tables);
    var notes = new List<string>();

    // The hourly freshness check has run many times before any real night, so every service already has
    // its feed-late rule state. Run it once now, so that its first-time writes do not land in the night.
    var freshnessStopwatch = Stopwatch.StartNew();
    await TriggerAsync(http, "CheckDataFreshness", cancellationToken);
    while (await outputReader.FeedLateStatesAsync(cancellationToken) < ids.Count)
    {
        if (freshnessStopwatch.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException($"CheckDataFreshness had not evaluated every service within 5 minutes. The app said:{Environment.NewLine}{app.RecentOutput()}");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
    }

    var freshness = freshnessStopwatch.Elapsed;
    Console.WriteLine($"CheckDataFreshness run once beforehand: every service's feed-late state recorded in {freshness.TotalSeconds:N1} s.");
    var seed = new SeedFacts(plan, seeded.Count, seeded.Count(s => s.Record.TakeUpTarget is not null), catalogueRows, usageDays, activityRows, seeding, probes, appStart, freshness);

    var before = await watcher.ActivityAsync(cancellationToken);
    if (before.Count != ids.Count || before.Values.Any(r => r.LastComputedAt is not null) || await watcher.QueueLengthAsync(cancellationToken) != 0)
    {
        throw new InvalidOperationException(
            $"Before the run: {before.Count:N0} activity rows for {ids.Count:N0} services, {before.Values.Count(r => r.LastComputedAt is not null):N0} already computed, " +
            $"{await watcher.QueueLengthAsync(cancellationToken):N0} jobs queued. Expected every service seeded, none computed, none queued.");
    }

    // 3. Full nightly run, between two read-once passes (the baseline).
    Console.WriteLine($"Read-once baseline: {ids.Count:N0} services' histories, {ReadOnce.ListenerConcurrency} at a time.");
    cpu.Start();
    var readBeforeAt = DateTimeOffset.UtcNow;
    var readBefore = await readOnce.RunAsync(ids, today, cancellationToken);
    var readBeforeCpu = cpu.Stop();
    notes.AddRange(Report.TimerCrossings(readBeforeAt, DateTimeOffset.UtcNow, "the read-once pass before the run"));
    Console.WriteLine($"  {readBefore.Elapsed.TotalSeconds:N1} s ({readBefore.Days:N0} days in {readBefore.Pages:N0} pages). {readBeforeCpu.Describe()}.");

    var monday = UkTime.DateOf(DateTimeOffset.UtcNow).DayOfWeek == DayOfWeek.Monday;
    Console.WriteLine($"Full run: POST /admin/functions/ScheduleTrendComputation ({(monday ? "Monday: every service, in full" : "every service has new data")}), " +
        "then waiting for every activity row to be computed and trend-jobs to be empty.");
    var fullTimeout = Max(TimeSpan.FromMinutes(5), readBefore.Elapsed * 12);
    cpu.Start();
    var clock = Stopwatch.StartNew();
    var triggeredAt = DateTimeOffset.UtcNow;
    await TriggerAsync(http, "ScheduleTrendComputation", cancellationToken);
    var full = await watcher.WaitAsync(triggeredAt, clock, ids, before, fullTimeout, app.RecentOutput, cancellationToken);
    var fullCpu = cpu.Stop();
    notes.AddRange(Report.TimerCrossings(triggeredAt, DateTimeOffset.UtcNow, "the full run"));
    Console.WriteLine($"  {full.Observed.TotalSeconds:N1} s ({ids.Count / full.Observed.TotalSeconds:N1} services/s; last activity row stamped at {full.LastWrite.TotalSeconds:N1} s). {fullCpu.Describe()}.");

    // The run's alerts are delivered by another queue function; let that finish before measuring on.
    var alertsAtEnd = await QueueLengthAsync(alertsQueue, cancellationToken);
    var drained = await WaitUntilEmptyAsync(alertsQueue, TimeSpan.FromMinutes(5), cancellationToken);
    if (drained is null)
    {
        notes.Add($"The alerts queue still held {await QueueLengthAsync(alertsQueue, cancellationToken):N0} messages 5 minutes after the full run; later phases ran beside those deliveries.");
    }

    cpu.Start();
    var readAfterAt = DateTimeOffset.UtcNow;
    var readAfter = await readOnce.RunAsync(ids, today, cancellationToken);
    var readAfterCpu = cpu.Stop();
    notes.AddRange(Report.TimerCrossings(readAfterAt, DateTimeOffset.UtcNow, "the read-once pass after the run"));
    Console.WriteLine($"Read-once again after the run: {readAfter.Elapsed.TotalSeconds:N1} s. {readAfterCpu.Describe()}.");

    var output = await outputReader.ReadAsync(cancellationToken);
    Console.WriteLine($"The app stored {output.PeriodRows:N0} period rows in Trends ({output.PeriodRows / (double)Math.Max(1, output.PeriodsByService.Count):N0} per service), " +
        $"{output.CrossGovRows:N0} in CrossGov, {output.TrendRuleStates:N0} rule states (and {output.FeedLateStates:N0} feed-late ones), " +
        $"{output.Alerts:N0} alerts ({string.Join(", ", output.AlertsByRule.Select(p => $"{p.Key} {p.Value:N0}"))}), {output.Deliveries:N0} delivery records.");
    cpu.Start();
    var replayAt = DateTimeOffset.UtcNow;
    var replay = await outputReader.ReplayWritesAsync(output, byId, cancellationToken);
    var replayCpu = cpu.Stop();
    notes.AddRange(Report.TimerCrossings(replayAt, DateTimeOffset.UtcNow, "the write replay"));
    Console.WriteLine($"Replaying those Trends and CrossGov writes: {replay.Elapsed.TotalSeconds:N1} s. {replayCpu.Describe()}.");
    var fullFacts = new FullRunFacts(monday, readBefore, readBeforeCpu, full, fullCpu, readAfter, alertsAtEnd, drained ?? TimeSpan.FromMinutes(5), output, replay, replayCpu);

    // 4. Incremental run: one new day for every 20th service.
    var changed = seeded.Where((_, i) => i % 20 == 0).ToList();
    var changedIds = changed.Select(s => s.Id).ToList();
    var beforeIncremental = await watcher.ActivityAsync(cancellationToken);
    await seeder.WriteDayAsync(changed, firstDay, newDay, cancellationToken);
    await seeder.RecordArrivalsAsync(changedIds, DateTimeOffset.UtcNow, cancellationToken);
    var incrementalMonday = UkTime.DateOf(DateTimeOffset.UtcNow).DayOfWeek == DayOfWeek.Monday;
    Console.WriteLine($"Incremental run: {newDay:yyyy-MM-dd} written for {changed.Count:N0} services; " +
        (incrementalMonday
            ? "today is Monday in London, when the schedule recomputes every service, so their trend-jobs messages are sent directly."
            : "POST /admin/functions/ScheduleTrendComputation again."));
    cpu.Start();
    clock.Restart();
    var incrementalAt = DateTimeOffset.UtcNow;
    if (incrementalMonday)
    {
        foreach (var id in changedIds)
        {
            // TrendJobMessage as ScheduleTrendComputation serialises it; the client base64-encodes it, as the app's does.
            await jobs.SendMessageAsync(JsonSerializer.Serialize(new { service = id, full = false }), null, null, cancellationToken);
        }
    }
    else
    {
        await TriggerAsync(http, "ScheduleTrendComputation", cancellationToken);
    }

    var incremental = await watcher.WaitAsync(incrementalAt, clock, changedIds, beforeIncremental, Max(TimeSpan.FromMinutes(2), full.Observed), app.RecentOutput, cancellationToken);
    var incrementalCpu = cpu.Stop();
    notes.AddRange(Report.TimerCrossings(incrementalAt, DateTimeOffset.UtcNow, "the incremental run"));
    Console.WriteLine($"  {incremental.Observed.TotalSeconds:N2} s (last activity row stamped at {incremental.LastWrite.TotalSeconds:N2} s). {incrementalCpu.Describe()}.");

    var rewritten = await outputReader.WrittenSinceAsync(incrementalAt, cancellationToken);
    var after = await watcher.ActivityAsync(cancellationToken);
    var changedSet = changedIds.ToHashSet(StringComparer.Ordinal);
    var unchanged = ids.Where(id => !changedSet.Contains(id)).ToList();
    var recomputed = unchanged.Where(id => after[id].LastComputedAt != beforeIncremental[id].LastComputedAt).ToList();
    var readChanged = await readOnce.RunAsync(changedIds, today, cancellationToken);
    var incrementalFacts = new IncrementalFacts(changed.Count, incrementalMonday, incremental, incrementalCpu, unchanged.Count, recomputed, rewritten, readChanged);

    // 5. The report.
    var report = Report.Render(setting, seed, fullFacts, incrementalFacts, notes, runClock.Elapsed);
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

// Runs a timer function now through the host's admin API (the client carries the master key).
static async Task TriggerAsync(HttpClient http, string function, CancellationToken cancellationToken)
{
    using var content = new StringContent("{}", Encoding.UTF8, "application/json");
    using var response = await http.PostAsync(new Uri($"/admin/functions/{function}", UriKind.Relative), content, cancellationToken);
    if (response.StatusCode != HttpStatusCode.Accepted)
    {
        throw new InvalidOperationException(
            $"POST /admin/functions/{function} answered {(int)response.StatusCode}, not 202: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}

static async Task<int> QueueLengthAsync(QueueClient queue, CancellationToken cancellationToken) =>
    (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

// How long until the queue was empty; null if it was not within the limit.
static async Task<TimeSpan?> WaitUntilEmptyAsync(QueueClient queue, TimeSpan limit, CancellationToken cancellationToken)
{
    var waited = Stopwatch.StartNew();
    while (waited.Elapsed < limit)
    {
        if (await QueueLengthAsync(queue, cancellationToken) == 0)
        {
            return waited.Elapsed;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
    }

    return null;
}

// Evenly spread members of the list, for read probes that do not favour the first services.
static List<string> Spread(IReadOnlyList<SeededService> services, int count) =>
    Enumerable.Range(0, Math.Min(count, services.Count)).Select(i => services[i * services.Count / Math.Min(count, services.Count)].Id).ToList();

static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
