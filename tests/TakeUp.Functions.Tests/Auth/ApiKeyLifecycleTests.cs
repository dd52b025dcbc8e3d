using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Auth;

public class ApiKeyLifecycleTests
{
    [Fact]
    public async Task A_key_is_shown_once_stored_only_as_a_hash_works_and_stops_working_when_revoked()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var admin = await app.ClientAsync(Roles.Admin);

        var created = await admin.PostAsJsonAsync("/api/admin/keys", new { name = "Carers team", role = "service-manager", services = new[] { "carers-allowance" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<CreatedApiKey>())!;
        Assert.StartsWith("tu_", key.Key);

        var stored = (await app.Table(TableNames.ApiKeys).GetEntityIfExistsAsync<TableEntity>("key", key.Record.Id)).Value!;
        Assert.DoesNotContain(stored, p => p.Value is string s && s.Contains(key.Key, StringComparison.Ordinal));
        Assert.Equal(ApiKeySecret.Hash(key.Key), stored.GetString("Hash"));

        var listed = await admin.GetStringAsync("/api/admin/keys");
        Assert.Contains(key.Record.Id, listed);
        Assert.DoesNotContain(key.Key, listed);

        using var manager = app.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/services/carers-allowance/take-up")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/admin/keys/{key.Record.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync("/api/services/carers-allowance/take-up")).StatusCode);
    }

    [Theory]
    [InlineData("tu_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("")]
    public async Task A_wrong_key_gets_401_problem(string key)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);

        var response = await client.GetAsync("/api/services");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("frontline", null, null, "services")]
    [InlineData("ingest", null, null, "department")]
    [InlineData("gds", "carers-allowance", null, "services")]
    [InlineData("superuser", null, null, "role")]
    public async Task A_key_request_that_does_not_fit_its_role_is_refused(string role, string? service, string? department, string field)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var admin = await app.ClientAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/admin/keys", new { name = "x", role, services = service is null ? null : new[] { service }, department });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task The_first_local_start_writes_one_working_key_per_role_to_dev_keys_json()
    {
        await using var app = await TakeUpApp.StartAsync();
        var path = app.Services.GetRequiredService<global::TakeUp.Functions.Local.LocalSetup>().DevKeysPath;

        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var keys = file.RootElement.GetProperty("keys").EnumerateArray().ToDictionary(k => k.GetProperty("role").GetString()!, k => k.GetProperty("key").GetString()!);

        Assert.Equal(Roles.All.Order(), keys.Keys.Order());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        using var gds = app.CreateClient();
        gds.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", keys[Roles.Gds]);
        Assert.Equal(HttpStatusCode.OK, (await gds.GetAsync("/api/services")).StatusCode);
        using var frontline = app.CreateClient();
        frontline.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", keys[Roles.Frontline]);
        var visible = await frontline.GetFromJsonAsync<List<global::TakeUp.Functions.Services.ServiceDocument>>("/api/services");
        Assert.NotEmpty(visible!);
        Assert.All(visible!, s => Assert.Equal("dwp", s.Department));
    }
}
