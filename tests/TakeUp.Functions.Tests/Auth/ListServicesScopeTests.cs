using System.Net.Http.Json;
using TakeUp.Functions.Services;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Auth;

public class ListServicesScopeTests
{
    [Fact]
    public async Task Each_caller_sees_the_catalogue_entries_its_scope_covers()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var gds = await app.GdsAsync();
        using var manager = await app.ClientAsync("service-manager", ["carers-allowance", "book-prison-visit"]);
        using var ingest = await app.IngestAsync("defra");

        var all = await gds.GetFromJsonAsync<List<ServiceDocument>>("/api/services");
        var managed = await manager.GetFromJsonAsync<List<ServiceDocument>>("/api/services");
        var defra = await ingest.GetFromJsonAsync<List<ServiceDocument>>("/api/services");

        Assert.True(all!.Count >= 12, $"the seeded catalogue should be listed whole, got {all.Count}");
        Assert.Equal(["book-prison-visit", "carers-allowance"], managed!.Select(s => s.Id).Order());
        Assert.All(defra!, s => Assert.Equal("defra", s.Department));
        Assert.Contains(defra!, s => s.Id == "waste-carrier-registration");
    }
}
