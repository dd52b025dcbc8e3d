using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Demo;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Local;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Trends;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Demo;

/// <summary>What one load of the demo wrote, and how long it took.</summary>
public sealed record DemoLoadReport(
    int Services,
    int Days,
    int Sessions,
    int FiguresReproduced,
    IReadOnlyList<string> ServicesFilled,
    TimeSpan Generating,
    TimeSpan WritingUsage,
    TimeSpan WritingSessions)
{
    public TimeSpan Total => Generating + WritingUsage + WritingSessions;
}

/// <summary>
/// Loads the demo history (docs/demo.md) into an empty store: fills the catalogue's missing targets,
/// inclusion baselines and support standards from seeds/demo-scenarios.csv (never replacing a
/// value the catalogue has), writes every service-day of usage exactly as <c>ApplyUsageBatch</c>
/// would have (a <c>totals</c> row from the batch <c>demo</c>, and with <c>Demo:WriteMarkers</c> its
/// marker <c>m|demo</c>), records when each service's usage arrived (as <c>ApplyUsageBatch</c>
/// does; for the late feed, when its last data came), writes the assisted sessions through
/// <see cref="AssistedSessionStore"/>, and queues one full trend computation per service so
/// statuses show at once rather than after the nightly run. Call it only on a first start, right
/// after the catalogue is seeded: it overwrites the days it writes.
/// </summary>
public sealed class DemoLoader(
    StorageAccount storage,
    ServiceStore services,
    ServiceCatalog catalog,
    AssistedSessionStore sessions,
    UsageActivityStore activity,
    TimeProvider time,
    IOptions<DemoOptions> options,
    IOptions<LocalSetupOptions> localSetup,
    IHostEnvironment environment,
    ILogger<DemoLoader> logger)
{
    /// <summary>The batch id the demo's days carry: their marker row is <c>m|demo</c>.</summary>
    public const string BatchId = "demo";

    /// <summary>Who the catalogue records as having set the fictional values.</summary>
    public const string UpdatedBy = "demo";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _lock = new();
    private Task? _load;

    /// <summary>What the load wrote, once it has finished; null when it has not run or the demo is off.</summary>
    public DemoLoadReport? Report { get; private set; }

    /// <summary>Loads the demo once; later calls (and concurrent ones) share the first load.</summary>
    public Task LoadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _load ??= RunAsync(cancellationToken);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await LoadHistoryAsync(cancellationToken))
        {
            // The history was generated whole in memory (well over 100 MB) and is garbage once the
            // method that held it has returned, but the GC keeps the heap it grew to for a workload
            // that never comes back. A one-off load is what its aggressive mode is for: collect,
            // compact and give the memory back to the machine.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <returns>False when the demo is switched off.</returns>
    private async Task<bool> LoadHistoryAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled(environment))
        {
            DemoLog.Disabled(logger, settings.Enabled is null ? " by default under the Functions host" : "");
            return false;
        }

        // Everything is generated (and every seed row checked) before anything is written.
        var started = Stopwatch.StartNew();
        var seeds = DemoSeedFiles.Read(SeedsDirectory());
        var today = UkTime.DateOf(time.GetUtcNow());
        var catalogue = (await services.ListAsync(cancellationToken)).OrderBy(s => s.Id.Value, StringComparer.Ordinal).ToList();
        var history = DemoHistory.Generate(catalogue, seeds.Scenarios, seeds.Figures, seeds.BankHolidays, today, settings.Seed, settings.FirstDate);
        var generating = started.Elapsed;
        var filled = await FillCatalogueGapsAsync(catalogue, seeds.Scenarios, today, cancellationToken);
        var first = history.Services.Count == 0 ? today : history.Services.Min(s => s.FirstDay);
        DemoLog.Loading(logger, settings.Seed, Day(first), Day(today.AddDays(-1)));
        foreach (var check in history.Figures.Where(f => !f.IsReproduced))
        {
            DemoLog.FigureNotReproduced(logger, check.Figure.Service.Value, $"{check.Figure.PeriodStart:yyyy-MM-dd} to {check.Figure.PeriodEnd:yyyy-MM-dd}",
                check.Figure.MeasureName, check.Figure.Value, check.NotReproducedBecause ?? $"the demo gives {check.Generated}");
        }

        var loadedAt = time.GetUtcNow();
        var days = await WriteUsageAsync(history, loadedAt, settings, cancellationToken);
        foreach (var service in history.Services)
        {
            await activity.RecordArrivalAsync(service.Service.Id, service.LastArrivedAt(loadedAt), cancellationToken);
        }

        var writingUsage = started.Elapsed - generating;
        var allSessions = history.Services.SelectMany(s => s.Sessions).ToList();
        await sessions.WriteAsync(allSessions, cancellationToken);
        var writingSessions = started.Elapsed - generating - writingUsage;

        var trendJobs = storage.Queue(QueueNames.TrendJobs);
        foreach (var service in history.Services)
        {
            await trendJobs.SendMessageAsync(JsonSerializer.Serialize(new TrendJobMessage(service.Service.Id.Value, Full: true), Json), null, null, cancellationToken);
        }

        Report = new DemoLoadReport(
            history.Services.Count, days, allSessions.Count, history.Figures.Count(f => f.IsReproduced), filled, generating, writingUsage, writingSessions);
        DemoLog.Loaded(logger, Report.Services, days, allSessions.Count, Report.FiguresReproduced,
            generating.TotalSeconds, writingUsage.TotalSeconds, writingSessions.TotalSeconds, started.Elapsed.TotalSeconds);
        return true;
    }

    /// <summary>The demo's fictional target, baseline and standard, only where the catalogue entry has none.</summary>
    private async Task<IReadOnlyList<string>> FillCatalogueGapsAsync(
        IReadOnlyList<ServiceRecord> catalogue, IReadOnlyList<DemoScenario> scenarios, DateOnly today, CancellationToken cancellationToken)
    {
        var byId = scenarios.ToDictionary(s => s.Service);
        var filled = new List<string>();
        foreach (var service in catalogue)
        {
            if (!byId.TryGetValue(service.Id, out var scenario))
            {
                continue;
            }

            var updated = scenario.FillGaps(service, today);
            if (updated == service)
            {
                continue;
            }

            await services.PutAsync(updated, UpdatedBy, cancellationToken);
            var what = new List<string>();
            if (updated.TakeUpTarget != service.TakeUpTarget)
            {
                what.Add(string.Create(CultureInfo.InvariantCulture, $"target {updated.TakeUpTarget!.Share:P0} by {updated.TakeUpTarget.By:yyyy-MM-dd}"));
            }

            if (updated.InclusionBaseline != service.InclusionBaseline)
            {
                what.Add(string.Create(CultureInfo.InvariantCulture, $"inclusion baseline {updated.InclusionBaseline!.AssistedShare:P1} on {updated.InclusionBaseline.AsOf:yyyy-MM-dd}"));
            }

            if (updated.SupportStandardDays != service.SupportStandardDays)
            {
                what.Add(string.Create(CultureInfo.InvariantCulture, $"support standard {updated.SupportStandardDays} working days"));
            }

            DemoLog.ScenarioApplied(logger, service.Id.Value, string.Join(", ", what));
            filled.Add(service.Id.Value);
        }

        catalog.Invalidate();
        return filled;
    }

    /// <summary>
    /// One write per service-day: its <c>totals</c> row, or with <see cref="DemoOptions.WriteMarkers"/>
    /// an entity-group transaction of the totals row and its marker. A day is its own partition, so
    /// writes cannot be batched across days; they are sent many at once instead.
    /// </summary>
    /// <remarks>A day's rows carry the time its data arrived: the load, or for the late feed when its last data came.</remarks>
    private async Task<int> WriteUsageAsync(DemoHistory history, DateTimeOffset loadedAt, DemoOptions settings, CancellationToken cancellationToken)
    {
        var table = storage.Table(TableNames.UsageDaily);
        var written = 0;
        var days = history.Services.SelectMany(s => s.Days.Select(day => (s.Service.Id, Day: day, Arrived: s.LastArrivedAt(loadedAt))));
        await Parallel.ForEachAsync(
            days,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var rows = Entities(item.Id, item.Day, item.Arrived);
                if (settings.WriteMarkers)
                {
                    await table.SubmitTransactionAsync(rows, ct);
                }
                else
                {
                    await table.UpsertEntityAsync(rows[1].Entity, TableUpdateMode.Replace, ct);
                }

                Interlocked.Increment(ref written);
            });
        return written;
    }

    /// <summary>
    /// The rows <c>ApplyUsageBatch</c> writes for a new day given in totals mode by the batch
    /// <c>demo</c>, applied at <paramref name="now"/>: the marker first, then the totals row.
    /// </summary>
    public static IReadOnlyList<TableTransactionAction> Entities(ServiceId service, DemoDay day, DateTimeOffset now)
    {
        var partitionKey = UsageKeys.PartitionKey(service, day.Date);
        var totals = new TableEntity(partitionKey, UsageKeys.TotalsRowKey)
        {
            ["Service"] = service.Value,
            ["Date"] = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Revision"] = 1L,
            ["UpdatedAt"] = now,
            ["LastBatchId"] = BatchId,
        };
        CountProperties.Write(day.Counts, totals);

        // Each count remembers its submission (the demo's, accepted now), as a submitted day's do.
        var order = new UsagePartitionUpdate(service, day.Date, BatchId, CountingMode.Totals, [], UpdatedBy, now).OrderAt(now);
        CountProperties.WriteOrders(day.Counts.Entries.Where(e => e.Value != 0).ToDictionary(e => e.Key, _ => order), totals);
        var marker = new TableEntity(partitionKey, UsageKeys.MarkerRowKey(BatchId))
        {
            ["AppliedAt"] = now,
            ["Mode"] = CountingModes.NameOf(CountingMode.Totals),
            ["Rows"] = day.Counts.Entries.Count(),
        };
        return
        [
            new(TableTransactionActionType.UpsertReplace, marker),
            new(TableTransactionActionType.UpsertReplace, totals),
        ];
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string SeedsDirectory() =>
        localSetup.Value.SeedsDirectory
        ?? Path.Combine(
            RepositoryRoot.Find(environment.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory())
                ?? throw new InvalidOperationException("Could not find the repository root (with package.json and seeds/). Set LocalSetup:SeedsDirectory."),
            "seeds");
}
