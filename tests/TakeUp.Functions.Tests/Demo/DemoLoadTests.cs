using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Demo;
using TakeUp.Domain.Services;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Demo;
using TakeUp.Functions.Local;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.TakeUp;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Trends;
using TakeUp.Functions.Usage;
using Xunit.Abstractions;

namespace TakeUp.Functions.Tests.Demo;

public class DemoLoadTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = TestClock.Today;

    /// <summary>
    /// The whole demo, loaded into a fresh app as a first local start would, then read back through
    /// the API: a published figure, the fictional catalogue values, the sessions, and the statuses
    /// the present day is meant to show.
    /// </summary>
    [Fact]
    public async Task The_demo_loads_into_a_new_store_and_reads_back_through_the_api()
    {
        // The loader is awaited here rather than by StartAsync: whether or not LocalSetup also runs
        // it, the first load is shared, and it may take longer than StartAsync waits.
        await using var app = await TakeUpApp.StartAsync(
            services => services.AddDemo(),
            new Dictionary<string, string> { ["Demo:Enabled"] = "true" },
            waitForStorage: false);
        await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        await app.Services.GetRequiredService<LocalSetup>().Ready.WaitAsync(TimeSpan.FromMinutes(5));
        var loader = app.Services.GetRequiredService<DemoLoader>();
        var clock = Stopwatch.StartNew();
        await loader.LoadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));
        output.WriteLine($"Demo loaded in {clock.Elapsed.TotalSeconds:F1} s: {loader.Report}");

        var report = Assert.IsType<DemoLoadReport>(loader.Report);
        Assert.Equal(16, report.Services);
        Assert.InRange(report.Days, 60_000, 90_000);
        Assert.InRange(report.Sessions, 8_000, 30_000);
        Assert.Equal(16, report.FiguresReproduced);
        Assert.Same(loader.LoadAsync(CancellationToken.None), loader.LoadAsync(CancellationToken.None));

        using var gds = await app.GdsAsync();

        // A published figure, through GET take-up: book a prison visit, "around 35%" in December 2014.
        var december = await UsageApi.TakeUpAsync(gds, "book-prison-visit", "2014-12-01", "2014-12-31", period: "month");
        var independent = Assert.Single(december.Periods).IndependentDigitalTakeUp;
        Assert.Equal("independent-digital-take-up", independent.Method);
        Assert.InRange(independent.Value!.Value, 0.34, 0.36);
        var april = await UsageApi.TakeUpAsync(gds, "carers-allowance", "2014-04-01", "2014-04-30", period: "month");
        Assert.InRange(Assert.Single(april.Periods).IndependentDigitalTakeUp.Value!.Value, 0.44, 0.46);

        // The catalogue: fictional values only where the seeds had none. Waste carriers keep their
        // sourced target (90% by the end of 2014) and gain only a fictional inclusion baseline.
        var waste = await ServiceAsync(gds, "waste-carrier-registration");
        Assert.Equal(new ShareByDate(0.9, new DateOnly(2014, 12, 31)), waste.DigitalTakeUpTarget);
        Assert.Equal(new BaselineValue(0.012, Today.AddDays(-730)), waste.InclusionBaseline);
        Assert.Null(waste.SupportStandardDays);
        var carers = await ServiceAsync(gds, "carers-allowance");
        Assert.Equal(new ShareByDate(0.85, Today.AddDays(240)), carers.DigitalTakeUpTarget);
        Assert.Equal(5, carers.SupportStandardDays);
        Assert.Equal(16, report.ServicesFilled.Count);

        // A day's rows are those ApplyUsageBatch writes.
        var table = app.Table(TableNames.UsageDaily);
        var partition = UsageKeys.PartitionKey(ServiceId.Parse("carers-allowance"), Today.AddDays(-1));
        var totals = (await table.GetEntityIfExistsAsync<TableEntity>(partition, UsageKeys.TotalsRowKey, null, CancellationToken.None)).Value!;
        Assert.Equal(1L, totals.GetInt64("Revision"));
        Assert.Equal(DemoLoader.BatchId, totals.GetString("LastBatchId"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partition, UsageKeys.MarkerRowKey(DemoLoader.BatchId), null, CancellationToken.None)).HasValue);

        // Sessions: listed, and fetched by id through the index row.
        var list = await gds.GetFromJsonAsync<AssistedSessionList>("/api/services/jobseekers-allowance-online/assisted-sessions?pageSize=5");
        Assert.Equal(5, list!.Sessions.Count);
        var one = await gds.GetAsync($"/api/services/jobseekers-allowance-online/assisted-sessions/{list.Sessions[0].Id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Matches("^staff-[0-9]{3}$", list.Sessions[0].StaffReference);

        // The present day, as the app itself judges it: the loader queued a full trend computation per
        // service; the hourly freshness check is run now. Statuses are read back through GET take-up.
        var activity = app.Services.GetRequiredService<UsageActivityStore>();
        await TakeUpApp.EventuallyAsync(
            async () => (await activity.GetAllAsync(CancellationToken.None)).Count(a => a.Value.LastComputedAt is not null),
            computed => computed == 16,
            "every service's trend to be computed",
            seconds: 300);
        // The hourly timer runs on the machine's clock and may already have checked freshness during
        // the load (before arrivals were recorded), so only a verdict from this run counts.
        var freshnessAskedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.Equal(HttpStatusCode.Accepted, (await app.RunFunctionAsync("CheckDataFreshness")).StatusCode);

        var statuses = new Dictionary<string, IReadOnlyList<TargetStatusValue>>();
        foreach (var service in await gds.GetFromJsonAsync<List<ServiceDocument>>("/api/services") ?? [])
        {
            statuses[service.Id] = await TakeUpApp.EventuallyAsync(
                async () => (await UsageApi.TakeUpAsync(gds, service.Id, $"{Today.AddDays(-7):yyyy-MM-dd}", $"{Today:yyyy-MM-dd}", period: "week")).Targets,
                targets => targets.Any(t => t.Rule == DigitalTakeUpTargetRule.RuleName)
                    && targets.Any(t => t.Rule == DataQualityRules.FeedLateRule && t.EvaluatedAt >= freshnessAskedAt),
                $"{service.Id}'s statuses");
            output.WriteLine($"{service.Id,-30} {string.Join("; ", statuses[service.Id].Select(t => $"{t.Rule} {t.Status}"))}");
        }

        string[] With(string rule, string status) =>
            statuses.Where(p => p.Value.Single(t => t.Rule == rule).Status == status).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(16, statuses.Count);
        Assert.NotEmpty(With(DigitalTakeUpTargetRule.RuleName, "on-track"));
        Assert.NotEmpty(With(DigitalTakeUpTargetRule.RuleName, "at-risk"));
        Assert.NotEmpty(With(DigitalTakeUpTargetRule.RuleName, "missed"));
        Assert.Empty(With(DigitalTakeUpTargetRule.RuleName, "not-judged"));
        Assert.Equal(["book-prison-visit"], statuses.Where(p => p.Value.Single(t => t.Rule == DataQualityRules.FeedLateRule).Status != "on-track").Select(p => p.Key));
        Assert.Equal(["jobseekers-allowance-online", "renew-patent", "visas"], With(DigitalTakeUpTargetRule.RuleName, "missed"));
    }

    [Fact]
    public async Task With_markers_on_each_day_also_gets_its_m_demo_row_and_a_later_date_shortens_the_history()
    {
        var first = Today.AddDays(-20);
        await using var app = await TakeUpApp.StartAsync(
            services => services.AddDemo(),
            new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Demo:WriteMarkers"] = "true", ["Demo:FirstDate"] = $"{first:yyyy-MM-dd}", ["Demo:Seed"] = "7" });
        var loader = app.Services.GetRequiredService<DemoLoader>();
        await loader.LoadAsync(CancellationToken.None);

        var report = Assert.IsType<DemoLoadReport>(loader.Report);
        Assert.Equal(15 * 20 + 7, report.Days); // 20 days each, but the late feed stops 14 days before today
        Assert.Equal(0, report.FiguresReproduced); // every figure is from 2012-2014, before this history
        Assert.InRange(report.Sessions, 100, 1_000); // sessions in proportion to the 20 days of two years
        var table = app.Table(TableNames.UsageDaily);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"waste-carrier-registration|"} and PartitionKey lt {"waste-carrier-registration}"}")))
        {
            rows.Add($"{UsageKeys.DateOf(entity.PartitionKey):yyyy-MM-dd} {entity.RowKey}");
        }

        var days = Enumerable.Range(0, 20).Select(i => first.AddDays(i)).ToList();
        Assert.Equal(days.SelectMany(d => new[] { $"{d:yyyy-MM-dd} m|demo", $"{d:yyyy-MM-dd} totals" }), rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_the_demo_off_nothing_is_loaded()
    {
        await using var app = await TakeUpApp.StartAsync(
            services => services.AddDemo(),
            new Dictionary<string, string> { ["Demo:Enabled"] = "false" });
        var loader = app.Services.GetRequiredService<DemoLoader>();
        await loader.LoadAsync(CancellationToken.None);

        Assert.Null(loader.Report);
        using var gds = await app.GdsAsync();
        var year = await UsageApi.TakeUpAsync(gds, "carers-allowance", $"{Today.AddDays(-364):yyyy-MM-dd}", $"{Today:yyyy-MM-dd}", period: "month");
        Assert.Equal(0, year.Total.Transactions);
        Assert.Null((await ServiceAsync(gds, "carers-allowance")).DigitalTakeUpTarget);
    }

    [Fact]
    public void The_demo_is_on_by_default_only_in_the_Development_environment()
    {
        var local = new Environment("Development");
        var azure = new Environment("Production");
        Assert.True(new DemoOptions().IsEnabled(local));
        Assert.False(new DemoOptions().IsEnabled(azure));
        Assert.True(new DemoOptions { Enabled = true }.IsEnabled(azure));
        Assert.False(new DemoOptions { Enabled = false }.IsEnabled(local));
        Assert.Equal(20141231, new DemoOptions().Seed);
    }

    /// <summary>The demo's rows for a day are the rows a real batch in totals mode leaves: same properties, same counts.</summary>
    [Fact]
    public async Task A_demo_day_is_stored_exactly_as_a_submitted_day_in_totals_mode()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("dwp");
        var receipt = await UsageApi.SubmitAsync(ingest,
            UsageApi.Row("2026-11-19", "carers-allowance", "online", 70),
            UsageApi.Row("2026-11-19", "carers-allowance", "online", 10, assisted: "in-person"),
            UsageApi.Row("2026-11-19", "carers-allowance", "paper", 20));
        await UsageApi.WaitForReceiptAsync(ingest, receipt.Id);

        var service = ServiceId.Parse("carers-allowance");
        var date = new DateOnly(2026, 11, 19);
        var table = app.Table(TableNames.UsageDaily);
        var stored = (await table.GetEntityIfExistsAsync<TableEntity>(UsageKeys.PartitionKey(service, date), UsageKeys.TotalsRowKey, null, CancellationToken.None)).Value!;
        var storedMarker = await table.QueryAsync<TableEntity>($"PartitionKey eq '{UsageKeys.PartitionKey(service, date)}' and RowKey ge 'm|' and RowKey lt 'm}}'").FirstAsync();

        var demo = DemoLoader.Entities(service, new DemoDay(date, CountProperties.Read(stored)), DateTimeOffset.UtcNow);
        var marker = (TableEntity)demo[0].Entity;
        var totals = (TableEntity)demo[1].Entity;
        Assert.Equal(stored.PartitionKey, totals.PartitionKey);
        Assert.Equal(stored.RowKey, totals.RowKey);
        Assert.Equal(UsageKeys.MarkerRowKey("demo"), marker.RowKey);
        Assert.Equal(Names(stored), Names(totals));
        Assert.Equal(Names(storedMarker), Names(marker));
        foreach (var name in Names(stored).Where(n => n.StartsWith("c_", StringComparison.Ordinal) || n is "Service" or "Date" or "Revision"))
        {
            Assert.Equal(stored[name], totals[name]);
        }

        Assert.Equal(storedMarker["Mode"], marker["Mode"]);
        Assert.Equal(storedMarker["Rows"], marker["Rows"]);
    }

    private static List<string> Names(TableEntity entity) =>
        entity.Select(p => p.Key).Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal).ToList();

    private static async Task<ServiceDocument> ServiceAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<ServiceDocument>($"/api/services/{id}"))!;

    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "TakeUp.Functions";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
