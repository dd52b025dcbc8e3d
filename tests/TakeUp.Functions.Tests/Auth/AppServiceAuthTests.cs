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

    [Fact]
    public async Task In_Azure_the_pages_sign_people_in_with_the_platform_and_apply_the_same_scopes()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string>(Mapping) { ["WEBSITE_AUTH_ENABLED"] = "True" });
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Host.HttpAddress };

        using var notSignedIn = await anonymous.GetAsync("/services/carers-allowance?period=month");
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fservices%2Fcarers-allowance%3Fperiod%3Dmonth", notSignedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/sign-in")).StatusCode);

        using var manager = app.CreateClient();
        manager.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("CarersManagers"));
        using var dashboard = await manager.GetAsync("/services/carers-allowance");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var page = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Signed in as Pat Manager (service manager)", page);
        Assert.Contains("href=\"/.auth/logout\"", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/services/book-prison-visit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/take-up")).StatusCode);

        // An API key is for machines: a page never takes one.
        using var keyed = await app.GdsAsync();
        using var withKey = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Host.HttpAddress };
        withKey.DefaultRequestHeaders.Authorization = keyed.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Redirect, (await withKey.GetAsync("/take-up")).StatusCode);
    }
}
