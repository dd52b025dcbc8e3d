using System.Net.Http.Json;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Tests.Auth;

/// <summary>One app and one client per role and scope, shared by the access matrix.</summary>
public sealed class AccessFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public TakeUpApp App { get; private set; } = null!;

    /// <summary>A receipt submitted by <c>ingest-dwp</c>, for the receipt rows of the matrix.</summary>
    public string DwpReceiptId { get; private set; } = "";

    public HttpClient Client(string caller) => _clients[caller];

    public async Task InitializeAsync()
    {
        App = await TakeUpApp.StartAsync();
        _clients["none"] = App.CreateClient();
        _clients["frontline-dwp"] = await App.ClientAsync("frontline", ["carers-allowance"]);
        _clients["frontline-hmrc"] = await App.ClientAsync("frontline", ["digital-self-assessment"]);
        _clients["manager-dwp"] = await App.ClientAsync("service-manager", ["carers-allowance"]);
        _clients["manager-hmrc"] = await App.ClientAsync("service-manager", ["digital-self-assessment"]);
        _clients["gds"] = await App.ClientAsync("gds");
        _clients["admin"] = await App.ClientAsync("admin");
        _clients["ingest-dwp"] = await App.ClientAsync("ingest", department: "dwp");
        _clients["ingest-defra"] = await App.ClientAsync("ingest", department: "defra");

        var response = await _clients["ingest-dwp"].PostAsJsonAsync("/api/usage", new { rows = new[] { UsageApi.Row("2026-11-01", "carers-allowance", "online", 1) } });
        DwpReceiptId = (await response.Content.ReadFromJsonAsync<UsageReceipt>())!.Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
