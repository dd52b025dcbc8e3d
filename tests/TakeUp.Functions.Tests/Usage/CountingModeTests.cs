using System.Net;
using System.Net.Http.Json;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Usage;

/// <summary>
/// What a totals submission replaces: <c>totals</c> the counts it gives, <c>day</c> the whole day
/// (the README's example, on a day that already had other channels, gives exactly its figures).
/// </summary>
public class CountingModeTests
{
    private static readonly object[] ReadmeRows =
    [
        Row("2026-11-20", "carers-allowance", "online", 70),
        Row("2026-11-20", "carers-allowance", "online", 10, assisted: "in-person"),
        Row("2026-11-20", "carers-allowance", "paper", 20),
    ];

    [Theory]
    [InlineData("totals", 265, 80.0 / 265)]
    [InlineData("day", 100, 0.8)]
    public async Task A_day_with_other_channels_already_keeps_them_under_totals_and_loses_them_under_day(string mode, long transactions, double digitalTakeUp)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("dwp");
        using var gds = await app.GdsAsync();

        // What the demo history might hold for the day: phone and face-to-face as well.
        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest,
            Row("2026-11-20", "carers-allowance", "online", 30),
            Row("2026-11-20", "carers-allowance", "phone", 120),
            Row("2026-11-20", "carers-allowance", "face-to-face", 45))).Id);
        var response = await ingest.PostAsJsonAsync("/api/usage", new { mode, rows = ReadmeRows });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForReceiptAsync(ingest, (await response.Content.ReadFromJsonAsync<UsageReceipt>())!.Id);

        var day = (await TakeUpAsync(gds, "carers-allowance", "2026-11-20", "2026-11-20")).Total;

        Assert.Equal(transactions, day.Transactions);
        Assert.Equal(digitalTakeUp, day.DigitalTakeUp.Value!.Value, 5);
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_naming_the_three()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("dwp");

        var response = await ingest.PostAsJsonAsync("/api/usage", new { mode = "replace", rows = ReadmeRows });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("use totals (replace the counts given), day (replace each day given, whole) or increments (add)", body);
    }
}
