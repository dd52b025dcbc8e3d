using System.Net;
using System.Text.Json;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Health;

public class HealthTests
{
    [Fact]
    public async Task Health_is_200_when_tables_and_queues_answer()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_page_says_the_service_is_unavailable_as_a_page_when_storage_is_unreachable()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobsStorage"] = Nowhere }, waitForStorage: false);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/sign-in");

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with the service", page);
        Assert.Contains("could not reach its storage", page);
    }

    private const string Nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Fact]
    public async Task Health_is_503_with_a_problem_naming_what_is_down_when_storage_is_unreachable()
    {
        const string nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobsStorage"] = nowhere }, waitForStorage: false);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEqual("ok", body.RootElement.GetProperty("checks").GetProperty("tables").GetString());
        Assert.NotEqual("ok", body.RootElement.GetProperty("checks").GetProperty("queues").GetString());
    }

    [Fact]
    public async Task The_site_root_answers_so_the_host_sees_the_handler_is_ready()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Digital take-up", await response.Content.ReadAsStringAsync());
    }
}
