using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakeUp.Functions.Storage;
using TakeUp.Functions.TakeUp;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Trends;

public class QueryTakeUpTests
{
    private static object[] October(string service, int online, int paper) =>
        Enumerable.Range(1, 31)
            .Select(d => $"2026-10-{d:D2}")
            .SelectMany(day => new[] { Row(day, service, "online", online), Row(day, service, "paper", paper) })
            .ToArray();

    private static async Task<TakeUpApp> StartWithOctoberAsync()
    {
        var app = await TakeUpApp.StartAsync();
        using var dwp = await app.IngestAsync("dwp");
        using var defra = await app.IngestAsync("defra");
        await WaitForReceiptAsync(dwp, (await SubmitAsync(dwp, October("carers-allowance", online: 40, paper: 60))).Id);
        await WaitForReceiptAsync(dwp, (await SubmitAsync(dwp, October("state-pension-online", online: 30, paper: 10))).Id);
        await WaitForReceiptAsync(defra, (await SubmitAsync(defra, October("waste-carrier-registration", online: 96, paper: 4))).Id);
        foreach (var service in new[] { "carers-allowance", "state-pension-online", "waste-carrier-registration" })
        {
            await app.Queue(QueueNames.TrendJobs).SendMessageAsync(JsonSerializer.Serialize(new { service, full = true }));
        }

        await WaitForQueueDrainedAsync(app, QueueNames.TrendJobs);
        return app;
    }

    [Fact]
    public async Task Departments_and_government_are_summed_from_the_same_counts_as_their_services()
    {
        await using var app = await StartWithOctoberAsync();
        using var gds = await app.GdsAsync();

        var byService = await gds.GetFromJsonAsync<CrossGovReport>("/api/take-up?period=month&from=2026-10-01&to=2026-10-31&department=dwp,defra");
        var byDepartment = await gds.GetFromJsonAsync<CrossGovReport>("/api/take-up?period=month&from=2026-10-01&to=2026-10-31&department=dwp,defra&groupBy=department");
        var government = await gds.GetFromJsonAsync<CrossGovReport>("/api/take-up?period=month&from=2026-10-01&to=2026-10-31&service=carers-allowance,state-pension-online&groupBy=period");

        var carers = byService!.Rows.Single(r => r.Service == "carers-allowance");
        Assert.Equal((3100L, 0.4), (carers.Transactions, carers.DigitalTakeUp.Value!.Value));
        Assert.Contains(byService.Rows, r => r.Service == "single-payment-scheme" && r.Transactions == 0 && r.DigitalTakeUp.Value is null);
        var dwp = byDepartment!.Rows.Single(r => r.Department == "dwp");
        Assert.Equal(byService.Rows.Where(r => r.Department == "dwp").Sum(r => r.Transactions), dwp.Transactions);
        Assert.Equal((31L * 70) / (31.0 * 140), dwp.DigitalTakeUp.Value!.Value, 6);
        var all = Assert.Single(government!.Rows);
        Assert.Equal(31 * 140, all.Transactions);
        Assert.Equal(0.5, all.DigitalTakeUp.Value);
    }

    [Fact]
    public async Task The_table_downloads_as_CSV()
    {
        await using var app = await StartWithOctoberAsync();
        using var gds = await app.GdsAsync();

        var response = await gds.GetAsync("/api/take-up?period=month&from=2026-10-01&to=2026-10-31&service=waste-carrier-registration&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,start,end,department,service,transactions,digital,assisted_digital,digital_take_up,independent_digital_take_up,assisted_digital_share,method,method_version", lines[0]);
        Assert.Equal("2026-10,2026-10-01,2026-10-31,defra,waste-carrier-registration,3100,2976,0,0.96,0.96,0,digital-take-up,service-manual-1", lines[1]);
    }

    [Theory]
    [InlineData("perod=month", "perod")]
    [InlineData("period=day", "period")]
    [InlineData("groupBy=channel", "groupBy")]
    [InlineData("format=xml", "format")]
    [InlineData("department=Not%20A%20Department", "department")]
    public async Task A_query_with_an_unknown_or_bad_parameter_is_refused_naming_it(string query, string field)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var gds = await app.GdsAsync();

        var response = await gds.GetAsync($"/api/take-up?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task Only_GDS_queries_across_government()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var manager = await app.ClientAsync("service-manager", ["carers-allowance"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/take-up")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/take-up")).StatusCode);
    }
}
