using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.Metadata;

public sealed class FunctionJsonTests
{
    [Fact]
    public void A_queue_function_gets_a_queue_trigger_on_its_queue_with_the_storage_connection()
    {
        var json = FunctionMetadataWriter.CreateFunctionJson(new FunctionDescriptor("ApplyUsageBatch", new QueueFunctionTrigger("usage-batches", "AzureWebJobsStorage")));

        AssertJson("""
            {"bindings":[{"name":"msg","type":"queueTrigger","direction":"in","queueName":"usage-batches","connection":"AzureWebJobsStorage"}]}
            """, json);
    }

    [Fact]
    public void A_timer_function_gets_a_monitored_timer_trigger_on_its_schedule()
    {
        var json = FunctionMetadataWriter.CreateFunctionJson(new FunctionDescriptor("SendWeeklyDigest", new TimerFunctionTrigger("0 0 7 * * 1")));

        AssertJson("""
            {"bindings":[{"name":"timer","type":"timerTrigger","direction":"in","schedule":"0 0 7 * * 1","useMonitor":true}]}
            """, json);
    }

    [Fact]
    public void An_http_function_gets_an_anonymous_trigger_with_lower_case_methods_and_an_http_output()
    {
        var json = FunctionMetadataWriter.CreateFunctionJson(new FunctionDescriptor("SubmitUsage", new HttpFunctionTrigger("usage", ["POST", "PUT"])));

        AssertJson("""
            {"bindings":[
              {"authLevel":"anonymous","type":"httpTrigger","direction":"in","name":"req","methods":["post","put"],"route":"usage"},
              {"type":"http","direction":"out","name":"res"}]}
            """, json);
    }

    [Fact]
    public void An_http_function_for_every_method_leaves_the_methods_out()
    {
        var json = FunctionMetadataWriter.CreateFunctionJson(new FunctionDescriptor("Anything", new HttpFunctionTrigger("anything", [])));

        Assert.False(JsonNode.Parse(json)!["bindings"]![0]!.AsObject().ContainsKey("methods"));
    }

    [Theory]
    [InlineData("/api/services/{serviceId}/assisted-sessions", "services/{serviceId}/assisted-sessions")]
    [InlineData("/api/usage/receipts/{id:guid}", "usage/receipts/{id:guid}")]
    [InlineData("/api/items/{id:int:min(1)}", "items/{id:int:min(1)}")]
    [InlineData("/api/items/{slug:required}", "items/{slug}")]
    [InlineData("/api/files/{**path}", "files/{*path}")]
    [InlineData("/api/pages/{page?}", "pages/{page?}")]
    [InlineData("/api/pages/{page=1}", "pages/{page=1}")]
    [InlineData("/api/codes/{code:regex(^\\d{{3}}$)}", "codes/{code:regex(^\\d{{3}}$)}")]
    [InlineData("/api/files/{name}.{ext}", "files/{name}.{ext}")]
    [InlineData("/API/health", "health")]
    public void Asp_net_route_patterns_become_function_routes_the_host_understands(string pattern, string expectedRoute)
    {
        var catalog = CatalogOf(app => app.MapGet(pattern, () => Results.Ok()).AsFunction("Route"));

        Assert.Equal(new HttpFunctionTrigger(expectedRoute, ["GET"]), Assert.Single(catalog.Functions).Trigger);
    }

    [Fact]
    public void Writing_the_metadata_makes_a_folder_per_function_copies_host_json_and_removes_stale_functions()
    {
        using var output = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(output.Path, "RemovedFunction"));
        File.WriteAllText(Path.Combine(output.Path, "RemovedFunction", "function.json"), "{}");
        Directory.CreateDirectory(Path.Combine(output.Path, "wwwroot"));
        var catalog = CatalogOf(app =>
        {
            app.MapPost("/api/usage", () => Results.Accepted()).AsFunction("SubmitUsage");
            app.MapQueueFunction<RecordMessage, string>("usage-batches");
            app.MapTimerFunction<RecordTimer>("0 30 1 * * *");
        });

        FunctionMetadataWriter.Write(catalog, TestApp.SampleHostJson, output.Path);

        Assert.Equal(
            ["RecordMessage", "RecordTimer", "SubmitUsage", "wwwroot"],
            Directory.EnumerateDirectories(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllText(TestApp.SampleHostJson), File.ReadAllText(Path.Combine(output.Path, "host.json")));
        foreach (var function in catalog.Functions)
        {
            Assert.Equal(
                FunctionMetadataWriter.CreateFunctionJson(function),
                File.ReadAllText(Path.Combine(output.Path, function.Name, "function.json")));
        }
    }

    private static FunctionCatalog CatalogOf(Action<WebApplication> map)
    {
        using var data = new TempDirectory();
        using var app = TestApp.Build(map, null, null, data);
        return app.Services.GetRequiredService<FunctionCatalog>();
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"Expected {JsonNode.Parse(expected)!.ToJsonString()}{Environment.NewLine}but got {JsonSerializer.Serialize(JsonNode.Parse(actual))}");
}
