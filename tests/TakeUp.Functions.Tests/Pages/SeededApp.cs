using System.Net;
using System.Net.Http.Json;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Pages;

/// <summary>
/// The app with something to show, shared by the page tests: Carer's Allowance (DWP, the local
/// sign-in's department) has a target of 80% by 2026-10-31 and fifteen weeks of usage at 60%, so
/// the nightly computation has drawn its trend and raised a missed-target alert. "Today" is the
/// test clock's 2026-11-21.
/// </summary>
public sealed class SeededApp : IAsyncLifetime
{
    public const string Service = "carers-allowance";

    public TakeUpApp App { get; private set; } = null!;

    public string AlertId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = await TakeUpApp.StartAsync();
        using var admin = await App.ClientAsync("admin");
        using var ingest = await App.IngestAsync("dwp");
        using var manager = await App.ClientAsync("service-manager", [Service]);
        (await admin.PutAsJsonAsync($"/api/services/{Service}", new
        {
            name = "Carer's Allowance digital claim",
            department = "dwp",
            departmentName = "Department for Work and Pensions",
            digitalTakeUpTarget = new { share = 0.8, by = "2026-10-31" },
            feedFrequency = "weekly",
            offlineChannels = new[] { "phone" },
            managers = new[] { "carers-allowance.manager@example.com" },
            alertRoutes = Array.Empty<string>(),
        })).EnsureSuccessStatusCode();

        var rows = Enumerable.Range(0, 7 * 15)
            .Select(i => new DateOnly(2026, 8, 3).AddDays(i).ToString("yyyy-MM-dd"))
            .SelectMany(day => new[] { Row(day, Service, "online", 110), Row(day, Service, "online", 10, assisted: "yes"), Row(day, Service, "phone", 80) })
            .ToArray();
        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest, rows)).Id);
        Assert.Equal(HttpStatusCode.Accepted, (await App.RunFunctionAsync("ScheduleTrendComputation")).StatusCode);
        var alerts = await TakeUpApp.EventuallyAsync(
            async () => (await manager.GetFromJsonAsync<List<AlertRecord>>($"/api/alerts?service={Service}"))!,
            list => list.Exists(a => a.Rule == "digital-take-up"),
            "the missed target's alert");
        AlertId = alerts.Single(a => a.Rule == "digital-take-up").Id;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
