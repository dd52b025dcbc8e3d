using System.Net;
using System.Text;
using System.Text.Json;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Usage;

public class CsvUsageTests
{
    [Fact]
    public async Task Usage_can_be_submitted_as_CSV()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("defra");
        using var gds = await app.GdsAsync();
        const string csv = """
            date,service,channel,assisted,count
            2026-11-19,waste-carrier-registration,online,no,96
            2026-11-19,waste-carrier-registration,online,phone,2
            2026-11-19,"waste-carrier-registration",paper,,2
            """;

        var response = await ingest.PostAsync("/api/usage", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = JsonSerializer.Deserialize<UsageReceipt>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        await WaitForReceiptAsync(ingest, receipt.Id);
        var report = await TakeUpAsync(gds, "waste-carrier-registration", "2026-11-19", "2026-11-19");
        Assert.Equal(100, report.Total.Transactions);
        Assert.Equal(0.98, report.Total.DigitalTakeUp.Value);
        Assert.Equal(2, Count(report, "online", "phone"));
    }

    [Fact]
    public async Task A_CSV_with_bad_rows_is_refused_whole_naming_each_data_row()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("defra");
        const string csv = "date,service,channel,count\n2026-11-19,waste-carrier-registration,online,96\n2026-11-19,waste-carrier-registration,carrier-pigeon,1\n2026-11-19,no-such-service,online,1\n";

        var response = await ingest.PostAsync("/api/usage", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "channel"), (3, "service")], errors);
    }
}
