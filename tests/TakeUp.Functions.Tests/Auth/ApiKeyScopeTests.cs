using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Auth;

/// <summary>A key may act only for services and departments that are in the catalogue.</summary>
public class ApiKeyScopeTests
{
    [Theory]
    [InlineData("frontline", "[\"carers-allowance\",\"no-such-service\"]", null, "services", "'no-such-service' is not in the services catalogue")]
    [InlineData("service-manager", "[\"carers-alowance\"]", null, "services", "'carers-alowance' is not in the services catalogue")]
    [InlineData("ingest", null, "\"dwpp\"", "department", "No catalogued service belongs to the department 'dwpp'")]
    public async Task A_key_for_an_unknown_service_or_department_is_refused_and_none_is_created(string role, string? services, string? department, string field, string reason)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var admin = await app.ClientAsync("admin");
        var before = await admin.GetStringAsync("/api/admin/keys");
        var body = $"{{\"name\":\"scope test\",\"role\":\"{role}\"{(services is null ? "" : $",\"services\":{services}")}{(department is null ? "" : $",\"department\":{department}")}}}";

        using var response = await admin.PostAsync("/api/admin/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains(reason, error.GetProperty("reason").GetString());
        Assert.Equal(before, await admin.GetStringAsync("/api/admin/keys"));
    }

    [Fact]
    public async Task Keys_for_catalogued_services_and_departments_are_created()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var admin = await app.ClientAsync("admin");

        var frontline = await admin.PostAsJsonAsync("/api/admin/keys", new { name = "counter", role = "frontline", services = new[] { "carers-allowance" } });
        var ingest = await admin.PostAsJsonAsync("/api/admin/keys", new { name = "feed", role = "ingest", department = "dwp" });

        Assert.Equal(HttpStatusCode.Created, frontline.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ingest.StatusCode);
    }
}
