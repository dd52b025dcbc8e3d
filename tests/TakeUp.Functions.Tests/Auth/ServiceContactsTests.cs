using System.Text.Json;

namespace TakeUp.Functions.Tests.Auth;

/// <summary>
/// A service's managers and alert routes (e-mail addresses and webhook URLs) are for admins and
/// that service's own managers; everyone else who may see the service sees it without them.
/// </summary>
public class ServiceContactsTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    [Theory]
    [InlineData("admin", true)]
    [InlineData("manager-dwp", true)]
    [InlineData("gds", false)]
    [InlineData("frontline-dwp", false)]
    [InlineData("ingest-dwp", false)]
    public async Task Contacts_are_shown_only_to_admins_and_the_services_own_managers(string caller, bool seesContacts)
    {
        var client = fixture.Client(caller);

        using var one = JsonDocument.Parse(await client.GetStringAsync("/api/services/carers-allowance"));
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/services"));
        var listed = list.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "carers-allowance");

        foreach (var entry in new[] { one.RootElement, listed })
        {
            Assert.Equal(seesContacts, entry.TryGetProperty("managers", out _));
            Assert.Equal(seesContacts, entry.TryGetProperty("alertRoutes", out _));
            Assert.Equal(seesContacts, entry.GetRawText().Contains("@example.com", StringComparison.Ordinal));
            Assert.Equal(seesContacts, entry.GetRawText().Contains("hooks.example.com", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Gds_sees_no_contacts_of_any_service_in_the_catalogue()
    {
        var body = await fixture.Client("gds").GetStringAsync("/api/services");

        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
        Assert.DoesNotContain("webhook", body, StringComparison.Ordinal);
    }
}
