using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.Functions;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Only_endpoints_marked_as_functions_are_in_the_catalog()
    {
        var catalog = CatalogOf(app =>
        {
            app.MapGet("/api/health", () => Results.Ok()).AsFunction("Health");
            app.MapGet("/api/internal", () => Results.Ok());
            app.MapGet("/", () => "home");
            app.MapQueueFunction<RecordMessage, string>("messages");
        });

        Assert.Equal(
            [new FunctionDescriptor("Health", new HttpFunctionTrigger("health", ["GET"])), new FunctionDescriptor("RecordMessage", new QueueFunctionTrigger("messages", "AzureWebJobsStorage"))],
            catalog.Functions);
    }

    [Fact]
    public void Functions_in_a_route_group_take_the_groups_prefix()
    {
        var catalog = CatalogOf(app =>
        {
            var services = app.MapGroup("/api/services/{serviceId}");
            services.MapPost("/assisted-sessions", () => Results.Created()).AsFunction("LogAssistedSession");
        });

        Assert.Equal(new HttpFunctionTrigger("services/{serviceId}/assisted-sessions", ["POST"]), Assert.Single(catalog.Functions).Trigger);
    }

    [Fact]
    public void Two_endpoints_with_one_function_name_stop_start_up_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CatalogOf(app =>
        {
            app.MapGet("/api/usage", () => Results.Ok()).AsFunction("Usage");
            app.MapPost("/api/usage", () => Results.Ok()).AsFunction("usage");
        }));

        Assert.Contains("'Usage'", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP: GET /api/usage", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP: POST /api/usage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_outside_the_route_prefix_is_refused_because_the_host_would_never_forward_to_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CatalogOf(app =>
            app.MapGet("/dashboard", () => "page").AsFunction("Dashboard")));

        Assert.Contains("'Dashboard'", error.Message, StringComparison.Ordinal);
        Assert.Contains("routePrefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_empty_route_prefix_pages_at_the_site_root_can_be_functions()
    {
        using var folder = new TempDirectory();
        var hostJson = Path.Combine(folder.Path, "host.json");
        File.WriteAllText(hostJson, """{"version":"2.0","extensions":{"http":{"routePrefix":""}}}""");

        var catalog = CatalogOf(
            app => app.MapGet("/dashboard/{serviceId}", () => "page").AsFunction("Dashboard"),
            new Dictionary<string, string?> { ["FunctionsHost:HostJsonPath"] = hostJson });

        Assert.Equal(new HttpFunctionTrigger("dashboard/{serviceId}", ["GET"]), Assert.Single(catalog.Functions).Trigger);
    }

    [Fact]
    public void Without_a_route_prefix_a_page_route_that_would_also_catch_an_invocation_path_is_refused()
    {
        using var folder = new TempDirectory();
        var hostJson = Path.Combine(folder.Path, "host.json");
        File.WriteAllText(hostJson, """{"version":"2.0","extensions":{"http":{"routePrefix":""}}}""");

        var error = Assert.Throws<InvalidOperationException>(() => CatalogOf(
            app =>
            {
                app.MapGet("/{**page}", () => "page").AsFunction("Pages");
                app.MapQueueFunction<RecordMessage, string>("messages");
            },
            new Dictionary<string, string?> { ["FunctionsHost:HostJsonPath"] = hostJson }));

        Assert.Contains("'/RecordMessage'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Pages'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Usage_Batches")]
    [InlineData("ab")]
    [InlineData("this-queue-name-is-far-too-long-to-leave-room-for-the-poison-suffix")]
    [InlineData("double--hyphen")]
    public void An_invalid_queue_name_is_refused_naming_the_function(string queueName)
    {
        var error = Assert.Throws<ArgumentException>(() => CatalogOf(app => app.MapQueueFunction<RecordMessage, string>(queueName)));

        Assert.Contains("'RecordMessage'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{queueName}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_function_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CatalogOf(app => app.MapGet("/api/x", () => "x").AsFunction("not a name")));
    }

    [Fact]
    public async Task Forgetting_MapFunctionsHost_stops_start_up_saying_so()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddFunctionsHosting(builder.Configuration);
        await using var app = builder.Build();
        app.MapQueueFunction<RecordMessage, string>("messages");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("MapFunctionsHost()", error.Message, StringComparison.Ordinal);
    }

    private static FunctionCatalog CatalogOf(Action<WebApplication> map, IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var data = new TempDirectory();
        using var app = TestApp.Build(map, settings, null, data);
        return app.Services.GetRequiredService<FunctionCatalog>();
    }
}
