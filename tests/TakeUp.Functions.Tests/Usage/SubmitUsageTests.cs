using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Usage;

public class SubmitUsageTests
{
    [Fact]
    public async Task A_submitted_batch_is_applied_and_shows_in_the_services_take_up()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.IngestAsync("dwp");
        using var gds = await app.GdsAsync();

        var receipt = await SubmitAsync(client,
            Row("2026-11-19", "carers-allowance", "online", 70),
            Row("2026-11-19", "carers-allowance", "online", 10, assisted: "in-person"),
            Row("2026-11-19", "carers-allowance", "paper", 20),
            Row("2026-11-20", "carers-allowance", "phone", 5));

        Assert.Equal("pending", receipt.Status);
        Assert.Equal(4, receipt.Rows);
        var applied = await WaitForReceiptAsync(client, receipt.Id);
        Assert.NotNull(applied.AppliedAt);

        var report = await TakeUpAsync(gds, "carers-allowance", "2026-11-19", "2026-11-20");
        Assert.Equal(2, report.Periods.Count);
        Assert.Equal(100, report.Periods[0].Transactions);
        Assert.Equal(0.8, report.Periods[0].DigitalTakeUp.Value);
        Assert.Equal(0.7, report.Periods[0].IndependentDigitalTakeUp.Value);
        Assert.Equal("digital-take-up", report.Periods[0].DigitalTakeUp.Method);
        Assert.Equal(0.0, report.Periods[1].DigitalTakeUp.Value);
        Assert.Equal(105, report.Total.Transactions);
    }

    [Fact]
    public async Task Days_without_data_are_reported_as_zero_and_weeks_start_on_Monday()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.IngestAsync("defra");
        using var gds = await app.GdsAsync();
        var receipt = await SubmitAsync(client,
            Row("2026-11-15", "waste-carrier-registration", "online", 96), // a Sunday: week 46
            Row("2026-11-16", "waste-carrier-registration", "paper", 4)); // a Monday: week 47
        await WaitForReceiptAsync(client, receipt.Id);

        var days = await TakeUpAsync(gds, "waste-carrier-registration", "2026-11-14", "2026-11-17");
        var weeks = await TakeUpAsync(gds, "waste-carrier-registration", "2026-11-15", "2026-11-16", period: "week");

        Assert.Equal([0L, 96L, 4L, 0L], days.Periods.Select(p => p.Transactions));
        Assert.Null(days.Periods[0].DigitalTakeUp.Value);
        Assert.Equal(["2026-W46", "2026-W47"], weeks.Periods.Select(p => p.Period));
        Assert.Equal(new DateOnly(2026, 11, 9), weeks.From);
        Assert.Equal([96L, 4L], weeks.Periods.Select(p => p.Transactions));
    }

    [Fact]
    public async Task A_batch_with_bad_rows_is_refused_whole_with_every_error_listed_and_nothing_is_queued()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.IngestAsync("dwp");

        var response = await client.PostAsJsonAsync("/api/usage", new
        {
            rows = new object[]
            {
                Row("2026-11-20", "carers-allowance", "online", 10),
                new { date = "2026-11-22", service = "carers-allowance", channel = "online", count = 1 },
                new { date = "2026-11-20", service = "Carers!", channel = "fax", count = -3 },
                new { date = "2026-11-20", service = "carers-allowance", channel = "phone", assisted = "yes", count = 1.5 },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "date"), (3, "service"), (3, "channel"), (3, "count"), (4, "assisted"), (4, "count")], errors);
        Assert.Equal(0, (await app.Queue(QueueNames.UsageBatches).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Theory]
    [InlineData("text/plain", "date,service\n", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/csv", "", HttpStatusCode.BadRequest)]
    [InlineData("text/csv", "date,service,count\n2026-11-20,carers-allowance,4\n", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"rows\": [", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"data\": []}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"rows\": []}", HttpStatusCode.BadRequest)]
    public async Task A_body_that_cannot_be_read_gets_a_problem_answer(string contentType, string body, HttpStatusCode expected)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.IngestAsync("dwp");

        var response = await client.PostAsync("/api/usage", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_restated_day_replaces_the_earlier_count_in_totals_mode()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.IngestAsync("moj");
        using var manager = await app.ClientAsync("service-manager", ["book-prison-visit"]);

        var first = await SubmitAsync(client, Row("2026-11-18", "book-prison-visit", "online", 19), Row("2026-11-18", "book-prison-visit", "phone", 81));
        await WaitForReceiptAsync(client, first.Id);
        var second = await SubmitAsync(client, Row("2026-11-18", "book-prison-visit", "online", 35));
        await WaitForReceiptAsync(client, second.Id);

        var report = await TakeUpAsync(manager, "book-prison-visit", "2026-11-18", "2026-11-18");
        Assert.Equal(35, Count(report, "online"));
        Assert.Equal(81, Count(report, "phone"));

        var revisions = await manager.GetFromJsonAsync<List<UsageRevision>>("/api/services/book-prison-visit/usage/revisions?from=2026-11-18&to=2026-11-18");
        var revision = Assert.Single(revisions!);
        Assert.Equal(new DateOnly(2026, 11, 18), revision.Date);
        Assert.Equal(new UsageChange("online", "no", 19, 35), Assert.Single(revision.Changes));
        Assert.Equal(second.SubmittedBy, revision.By);
    }

    [Fact]
    public async Task A_large_submission_is_split_across_queue_messages_under_one_receipt()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.IngestAsync("dwp");
        using var gds = await app.GdsAsync();
        var services = new[] { "carers-allowance", "state-pension-online", "jobseekers-allowance-online" };
        var start = new DateOnly(2026, 5, 1);
        var rows = (from service in services
                    from day in Enumerable.Range(0, 184)
                    from channel in new[] { "online", "phone" }
                    select Row(start.AddDays(day).ToString("yyyy-MM-dd"), service, channel, day % 31 + 1)).ToArray();

        var receipt = await SubmitAsync(client, rows);
        var applied = await WaitForReceiptAsync(client, receipt.Id);

        Assert.True(applied.Chunks > 1, $"expected several chunks, got {applied.Chunks}");
        Assert.Equal(rows.Length, applied.Rows);
        var report = await TakeUpAsync(gds, "jobseekers-allowance-online", "2026-05-01", "2026-10-31", period: "month");
        Assert.Equal(2 * Enumerable.Range(0, 184).Sum(day => day % 31 + 1), report.Total.Transactions);
    }

    [Fact]
    public async Task An_unknown_receipt_is_a_404_problem()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.IngestAsync("dwp");

        var response = await client.GetAsync("/api/usage/receipts/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("period=fortnight")]
    [InlineData("from=2026-11-30&to=2026-11-01")]
    [InlineData("from=yesterday")]
    [InlineData("from=2000-01-01&to=2026-11-01")]
    public async Task A_bad_take_up_query_is_refused_with_a_problem(string query)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = await app.GdsAsync();

        var response = await client.GetAsync($"/api/services/carers-allowance/take-up?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
