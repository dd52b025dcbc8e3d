using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Domain.Services;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Trends;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Trends;

public class TrendFunctionsTests
{
    private static object[] Weeks(string service, int online, int phone, int weeks = 15) =>
        Enumerable.Range(0, 7 * weeks)
            .Select(i => new DateOnly(2026, 8, 3).AddDays(i).ToString("yyyy-MM-dd"))
            .SelectMany(day => new[] { Row(day, service, "online", online), Row(day, service, "phone", phone) })
            .ToArray();

    private static async Task RunAsync(TakeUpApp app, string function, string? input = null)
    {
        var response = await app.RunFunctionAsync(function, input ?? "");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<List<string>> SnapshotAsync(TableClient table, string filter)
    {
        var rows = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter))
        {
            var values = e.Where(p => p.Key is not ("ComputedAt" or "Timestamp" or "odata.etag"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}");
            rows.Add($"{e.PartitionKey}/{e.RowKey}: {string.Join(", ", values)}");
        }

        return rows;
    }

    [Fact]
    public async Task Computing_a_service_twice_stores_the_same_result()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("dwp");
        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest, Weeks("carers-allowance", online: 120, phone: 80))).Id);
        var job = JsonSerializer.Serialize(new { service = "carers-allowance", full = true });

        await app.Queue(QueueNames.TrendJobs).SendMessageAsync(job);
        await WaitForQueueDrainedAsync(app, QueueNames.TrendJobs);
        var trends = await SnapshotAsync(app.Table(TableNames.Trends), TableClient.CreateQueryFilter($"PartitionKey eq {"carers-allowance"} and RowKey ne {"activity"}"));
        var crossGov = await SnapshotAsync(app.Table(TableNames.CrossGov), TableClient.CreateQueryFilter($"RowKey eq {"dwp|carers-allowance"}"));
        var alerts = await SnapshotAsync(app.Table(TableNames.Alerts), TableClient.CreateQueryFilter($"PartitionKey eq {"carers-allowance"}"));

        await app.Queue(QueueNames.TrendJobs).SendMessageAsync(job);
        await WaitForQueueDrainedAsync(app, QueueNames.TrendJobs);

        Assert.Equal(trends, await SnapshotAsync(app.Table(TableNames.Trends), TableClient.CreateQueryFilter($"PartitionKey eq {"carers-allowance"} and RowKey ne {"activity"}")));
        Assert.Equal(crossGov, await SnapshotAsync(app.Table(TableNames.CrossGov), TableClient.CreateQueryFilter($"RowKey eq {"dwp|carers-allowance"}")));
        Assert.Equal(alerts, await SnapshotAsync(app.Table(TableNames.Alerts), TableClient.CreateQueryFilter($"PartitionKey eq {"carers-allowance"}")));

        // Weeks, months and quarters are all stored; a week holds what was recorded.
        Assert.Contains(trends, r => r.StartsWith("carers-allowance/W2026-45:", StringComparison.Ordinal) && r.Contains("DigitalTakeUp=0.6,") && r.Contains("Transactions=1400,"));
        Assert.Contains(trends, r => r.StartsWith("carers-allowance/M2026-09:", StringComparison.Ordinal));
        Assert.Contains(trends, r => r.StartsWith("carers-allowance/Q2026-3:", StringComparison.Ordinal));
        Assert.Contains(crossGov, r => r.StartsWith("W2026-45/dwp|carers-allowance:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_nightly_schedule_computes_only_services_with_new_data()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("dwp");
        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest, Weeks("state-pension-online", online: 30, phone: 70, weeks: 2))).Id);
        var activity = app.Services.GetRequiredService<UsageActivityStore>();

        await RunAsync(app, nameof(ScheduleTrendComputation));

        await TakeUpApp.EventuallyAsync(
            async () => (await activity.GetAsync(ServiceId.Parse("state-pension-online"), CancellationToken.None)).LastComputedAt,
            computed => computed is not null,
            "the service with new data to be computed");
        await WaitForQueueDrainedAsync(app, QueueNames.TrendJobs);
        var computed = (await activity.GetAllAsync(CancellationToken.None)).Where(a => a.Value.LastComputedAt is not null).Select(a => a.Key.Value);
        Assert.Equal(["state-pension-online"], computed);
    }

    [Fact]
    public async Task A_late_feed_is_flagged_by_the_hourly_check_and_cleared_when_data_arrives()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("dwp");
        using var manager = await app.ClientAsync("service-manager", ["jobseekers-allowance-online"]);
        var service = ServiceId.Parse("jobseekers-allowance-online");
        await app.Services.GetRequiredService<UsageActivityStore>().RecordArrivalAsync(service, TestClock.DefaultStart.AddDays(-10), CancellationToken.None);

        await RunAsync(app, nameof(CheckDataFreshness));
        var raised = await TakeUpApp.EventuallyAsync(
            async () => await manager.GetFromJsonAsync<List<AlertRecord>>("/api/alerts?service=jobseekers-allowance-online"),
            alerts => alerts!.Count == 1,
            "the late feed to be flagged");
        Assert.Equal(("feed-late", "missed"), (raised![0].Rule, raised[0].Status));

        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest, Row("2026-11-20", "jobseekers-allowance-online", "online", 850))).Id);
        await RunAsync(app, nameof(CheckDataFreshness));
        var resolved = await TakeUpApp.EventuallyAsync(
            async () => await manager.GetFromJsonAsync<AlertRecord>($"/api/alerts/{raised[0].Id}"),
            alert => alert!.ResolvedAt is not null,
            "the flag to clear");
        Assert.Equal("recovered", resolved!.ResolvedBecause);
    }

    [Fact]
    public async Task The_weekly_digest_reaches_each_manager_once_with_their_services()
    {
        await using var receivers = await LocalReceivers.StartAsync();
        await using var app = await TakeUpApp.StartAsync(settings: receivers.Settings);
        using var admin = await app.ClientAsync("admin");
        using var ingest = await app.IngestAsync("dwp");
        foreach (var (id, name) in new[] { ("carers-allowance", "Carer's Allowance"), ("state-pension-online", "State Pension") })
        {
            (await admin.PutAsJsonAsync($"/api/services/{id}", new
            {
                name,
                department = "dwp",
                departmentName = "Department for Work and Pensions",
                managers = new[] { "pensions.manager@example.com" },
            })).EnsureSuccessStatusCode();
        }

        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest, Weeks("carers-allowance", online: 120, phone: 80))).Id);
        await app.Queue(QueueNames.TrendJobs).SendMessageAsync(JsonSerializer.Serialize(new { service = "carers-allowance", full = true }));
        await WaitForQueueDrainedAsync(app, QueueNames.TrendJobs);

        // Every manager in the seeded catalogue gets one too; this test follows one of them.
        IEnumerable<JsonElement> Mine() => receivers.Emails.Where(e => e.GetProperty("email_address").GetString() == "pensions.manager@example.com");
        var managers = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/services"))!
            .SelectMany(s => s.GetProperty("managers").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()))
            .Distinct()
            .Count();
        await RunAsync(app, nameof(SendWeeklyDigest));
        await TakeUpApp.EventuallyAsync(() => Task.FromResult(Mine().Count()), n => n == 1, "the digest to be sent");

        // One digest per manager: wait for all of them, so that the second run's can be told apart.
        var sentFirstTime = await TakeUpApp.EventuallyAsync(() => Task.FromResult(receivers.Emails.Count), n => n >= managers, $"a digest to each of the {managers} managers");
        await RunAsync(app, nameof(SendWeeklyDigest));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(sentFirstTime, receivers.Emails.Count);
        var digest = Assert.Single(Mine());
        Assert.Equal("pensions.manager@example.com", digest.GetProperty("email_address").GetString());
        Assert.Equal(LocalReceivers.DigestTemplate, digest.GetProperty("template_id").GetString());
        var body = digest.GetProperty("personalisation").GetProperty("body").GetString()!;
        Assert.Contains("Carer's Allowance", body);
        Assert.Contains("State Pension", body);
        Assert.Contains("60.0%", body);
        Assert.Equal("2026-W46", digest.GetProperty("personalisation").GetProperty("week").GetString());
    }
}
