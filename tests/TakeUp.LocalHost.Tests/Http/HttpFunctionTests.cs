using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TakeUp.LocalHost.Tests.Support;

namespace TakeUp.LocalHost.Tests.Http;

[Collection(LocalHostCollection.Name)]
public sealed class HttpFunctionTests(AzuriteFixture storage)
{
    [Fact]
    public async Task The_handshake_loads_every_function_the_worker_reports()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;

        Assert.Equal(
            ["Crash", "Digest", "Download", "Echo", "GetItem", "Ping", "RecordQueueMessage", "Tick"],
            host.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("queueTrigger", host.Functions.Single(f => f.Name == "RecordQueueMessage").TriggerType);
        Assert.Equal("timerTrigger", host.Functions.Single(f => f.Name == "Tick").TriggerType);
    }

    [Fact]
    public async Task Routes_follow_the_template_with_its_constraint_and_optional_part()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();

        var withoutDetail = await client.GetFromJsonAsync<JsonObject>("api/items/42");
        var withDetail = await client.GetFromJsonAsync<JsonObject>("api/items/7/summary");
        var notAnInt = await client.GetAsync("api/items/abc");

        Assert.Equal(42, withoutDetail!["id"]!.GetValue<int>());
        Assert.Null(withoutDetail["detail"]);
        Assert.Equal(7, withDetail!["id"]!.GetValue<int>());
        Assert.Equal("summary", withDetail["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, notAnInt.StatusCode);
        Assert.Equal("application/problem+json", notAnInt.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Methods_are_honoured_and_a_route_defaults_to_the_function_name()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();

        var ping = await client.GetStringAsync("api/Ping");
        var wrongMethod = await client.PostAsync("api/items/1", new StringContent(""));

        Assert.Equal("pong", ping);
        // As the Functions host: a route whose methods do not include the request's is no match.
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_empty_route_prefix_serves_functions_at_the_site_root()
    {
        using var app = TestApp.Create(hostJson => hostJson["extensions"]!["http"]!["routePrefix"] = "");
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();

        var atRoot = await client.GetFromJsonAsync<JsonObject>("items/5");
        var underApi = await client.GetAsync("api/items/5");

        Assert.Equal(5, atRoot!["id"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, underApi.StatusCode);
    }

    [Fact]
    public async Task A_path_no_function_serves_is_a_problem_404()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();

        var response = await client.GetAsync("api/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_forwarded_request_carries_the_invocation_id_and_the_response_comes_back_unchanged()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();

        var item = await client.GetAsync("api/items/3");
        var body = new string('x', 100) + "\u00e9";
        var echo = await client.PostAsync("api/echo", new StringContent(body, System.Text.Encoding.UTF8, "text/csv"));

        Assert.True(Guid.TryParse(item.Headers.GetValues("x-sample-invocation").Single(), out _));
        Assert.Equal(HttpStatusCode.Created, echo.StatusCode);
        Assert.Equal("yes", echo.Headers.GetValues("x-sample-echo").Single());
        Assert.Equal("text/csv", echo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await echo.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_large_upload_reaches_the_worker_intact()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();
        var payload = new byte[12 * 1024 * 1024];
        new Random(7).NextBytes(payload);

        using var response = await client.PostAsync("api/digest", new ByteArrayContent(payload));
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(payload.Length, body.RootElement.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload)), body.RootElement.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_large_response_comes_back_intact()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();

        var bytes = await client.GetByteArrayAsync("api/download/12");

        Assert.Equal(12 * 1024 * 1024, bytes.Length);
        Assert.All(new[] { 0, 250, 251, 1024 * 1024, bytes.Length - 1 }, i => Assert.Equal((byte)(i % (1024 * 1024) % 251), bytes[i]));
    }
}
