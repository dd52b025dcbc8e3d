using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.Functions;

/// <summary>
/// One declaration per function; the endpoints, the function.json files and the local runtime
/// are all derived from it, and must say the same thing.
/// </summary>
public sealed class CatalogAgreementTests
{
    [Fact]
    public async Task The_generated_metadata_the_endpoints_and_the_local_listeners_describe_the_same_functions()
    {
        await using var app = await TestApp.StartAsync(Map);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        var functionEndpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<FunctionMetadata>() is not null)
            .ToDictionary(endpoint => endpoint.Metadata.GetRequiredMetadata<FunctionMetadata>().Name);
        var wired = app.Services.GetRequiredService<LocalTriggerRuntime>().ActiveTriggers.ToDictionary(function => function.Name);
        using var output = new TempDirectory();
        FunctionMetadataWriter.Write(catalog, TestApp.SampleHostJson, output.Path);
        using var client = app.CreateClient();

        string[] expected = ["GetUsageReceipt", "RecordBatch", "RecordMessage", "RecordTimer", "SubmitUsage"];
        Assert.Equal(expected, catalog.Functions.Select(function => function.Name));
        Assert.Equal(expected, functionEndpoints.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected, Directory.EnumerateDirectories(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(
            catalog.Functions.Where(function => function.Trigger is not HttpFunctionTrigger),
            wired.Values.OrderBy(function => function.Name, StringComparer.Ordinal));

        foreach (var name in expected)
        {
            using var functionJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, name, "function.json")));
            var trigger = functionJson.RootElement.GetProperty("bindings")[0];
            var endpoint = functionEndpoints[name];
            switch (trigger.GetProperty("type").GetString())
            {
                case "httpTrigger":
                    var route = trigger.GetProperty("route").GetString();
                    Assert.Equal(endpoint.RoutePattern.RawText, "/api/" + route);
                    Assert.Equal(
                        endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(method => method.ToLowerInvariant()),
                        trigger.GetProperty("methods").EnumerateArray().Select(method => method.GetString()));
                    break;

                case "queueTrigger":
                    Assert.Equal(((QueueFunctionTrigger)wired[name].Trigger).QueueName, trigger.GetProperty("queueName").GetString());
                    AssertInvocationEndpoint(endpoint, name);
                    break;

                case "timerTrigger":
                    Assert.Equal(((TimerFunctionTrigger)wired[name].Trigger).Schedule, trigger.GetProperty("schedule").GetString());
                    AssertInvocationEndpoint(endpoint, name);
                    break;

                default:
                    Assert.Fail($"{name} has an unexpected trigger: {trigger}");
                    break;
            }
        }

        // What the host would forward, and what it would post, reaches the app.
        using var receipt = await client.GetAsync($"/api/usage/receipts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        using var invocation = await client.PostAsync("/RecordMessage", new StringContent("""{"Data":{"msg":"x"},"Metadata":{}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, invocation.StatusCode);
    }

    private static void AssertInvocationEndpoint(RouteEndpoint endpoint, string name)
    {
        Assert.Equal("/" + name, endpoint.RoutePattern.RawText);
        Assert.Equal(["POST"], endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods);
    }

    private static void Map(WebApplication app)
    {
        app.MapPost("/api/usage", () => Results.Accepted()).AsFunction("SubmitUsage");
        app.MapGet("/api/usage/receipts/{id:guid}", (Guid id) => Results.Ok(id)).AsFunction("GetUsageReceipt");
        app.MapGet("/api/not-a-function", () => Results.Ok());
        app.MapQueueFunction<RecordMessage, string>("usage-batches");
        app.MapQueueFunction<RecordBatch, SampleBatch>("trend-jobs");
        app.MapTimerFunction<RecordTimer>("0 30 1 * * *");
    }
}
