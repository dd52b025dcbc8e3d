using System.Net;
using System.Text;
using System.Text.Json;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Auth;

public class AppServiceAuthTests
{
    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["Auth:AppService:Roles:CarersManagers:Role"] = "service-manager",
        ["Auth:AppService:Roles:CarersManagers:Services:0"] = "carers-allowance",
        ["Auth:AppService:Roles:TakeUpGds:Role"] = "gds",
    };

    private static string Principal(params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "roles",
        claims = roles.Select(r => new { typ = "roles", val = r })
            .Append(new { typ = "name", val = "Pat Manager" })
            .Append(new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "00000000-0000-0000-0000-000000000001" }),
    })));

    private static async Task<HttpStatusCode> GetTakeUpAsync(TakeUpApp app, string principal, string service = "carers-allowance")
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", principal);
        return (await client.GetAsync($"/api/services/{service}/take-up")).StatusCode;
    }

    [Fact]
    public async Task A_signed_in_manager_is_mapped_to_their_services_when_the_platform_has_authentication_on()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string>(Mapping) { ["WEBSITE_AUTH_ENABLED"] = "True" });

        Assert.Equal(HttpStatusCode.OK, await GetTakeUpAsync(app, Principal("CarersManagers")));
        Assert.Equal(HttpStatusCode.Forbidden, await GetTakeUpAsync(app, Principal("CarersManagers"), "book-prison-visit"));
        Assert.Equal(HttpStatusCode.OK, await GetTakeUpAsync(app, Principal("CarersManagers", "TakeUpGds"), "book-prison-visit"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetTakeUpAsync(app, Principal("SomeOtherApp")));
    }

    [Fact]
    public async Task The_principal_header_is_ignored_when_the_platform_does_not_say_authentication_is_on()
    {
        await using var app = await TakeUpApp.StartAsync(settings: Mapping);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetTakeUpAsync(app, Principal("TakeUpGds")));
    }
}
