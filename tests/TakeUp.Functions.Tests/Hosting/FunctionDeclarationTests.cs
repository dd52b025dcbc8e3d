using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Hosting;
using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Functions.Tests.Hosting;

/// <summary>The app's functions as the Azure Functions host will see them, from the one declaration each.</summary>
public class FunctionDeclarationTests
{
    private static string RepositoryFile(string name) =>
        Path.Combine(AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory)!, name);

    [Fact]
    public void The_repository_host_json_enables_forwarding_and_points_at_the_handler()
    {
        Assert.Empty(HostJson.Validate(RepositoryFile("host.json"), expectedExecutableName: "TakeUp.Functions"));
    }

    [Fact]
    public async Task Every_function_of_the_slice_is_declared_with_its_trigger()
    {
        await using var app = await TakeUpApp.StartAsync();

        var functions = app.Services.GetRequiredService<FunctionCatalog>().Functions.ToDictionary(f => f.Name, f => f.Trigger);

        Assert.Equal(new HttpFunctionTrigger("health", ["get"]), functions["Health"]);
        Assert.Equal(new HttpFunctionTrigger("openapi.json", ["get"]), functions["OpenApi"]);
        Assert.Equal(new HttpFunctionTrigger("usage", ["post"]), functions["SubmitUsage"]);
        Assert.Equal(new HttpFunctionTrigger("services", ["get"]), functions["ListServices"]);
        Assert.Equal(new HttpFunctionTrigger("services/{serviceId}", ["put"]), functions["PutService"]);
        Assert.Equal(new HttpFunctionTrigger("admin/keys/{id}", ["delete"]), functions["RevokeApiKey"]);
        Assert.Equal(new HttpFunctionTrigger("usage/receipts/{id}", ["get"]), functions["GetUsageReceipt"]);
        Assert.Equal(new HttpFunctionTrigger("services/{serviceId}/take-up", ["get"]), functions["GetServiceTakeUp"]);
        Assert.Equal(new QueueFunctionTrigger(QueueNames.UsageBatches, "AzureWebJobsStorage"), functions["ApplyUsageBatch"]);
    }

    [Fact]
    public async Task The_local_runtime_listens_to_exactly_the_declared_queue_functions()
    {
        await using var app = await TakeUpApp.StartAsync();

        var declared = app.Services.GetRequiredService<FunctionCatalog>().Functions.Where(f => f.Trigger is not HttpFunctionTrigger);
        var wired = app.Services.GetRequiredService<LocalTriggerRuntime>().ActiveTriggers;

        Assert.Equal(declared.OrderBy(f => f.Name), wired.OrderBy(f => f.Name));
    }

    [Fact]
    public async Task The_publish_step_writes_host_json_and_a_function_json_per_function()
    {
        await using var app = await TakeUpApp.StartAsync();
        var output = Directory.CreateTempSubdirectory("takeup-publish").FullName;
        try
        {
            var catalog = app.Services.GetRequiredService<FunctionCatalog>();
            FunctionMetadataWriter.Write(catalog, RepositoryFile("host.json"), output);

            Assert.True(File.Exists(Path.Combine(output, "host.json")));
            foreach (var function in catalog.Functions)
            {
                Assert.True(File.Exists(Path.Combine(output, function.Name, "function.json")), $"{function.Name}/function.json is missing");
            }

            using var queue = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "ApplyUsageBatch", "function.json")));
            var binding = Assert.Single(queue.RootElement.GetProperty("bindings").EnumerateArray());
            Assert.Equal("queueTrigger", binding.GetProperty("type").GetString());
            Assert.Equal("usage-batches", binding.GetProperty("queueName").GetString());
            Assert.Equal("AzureWebJobsStorage", binding.GetProperty("connection").GetString());

            using var http = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "SubmitUsage", "function.json")));
            var trigger = http.RootElement.GetProperty("bindings")[0];
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal("usage", trigger.GetProperty("route").GetString());
            Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_queue_function_runs_when_the_host_posts_its_invocation_payload()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["LocalRuntime:Enabled"] = "false" });
        using var client = await app.GdsAsync();
        using var admin = await app.ClientAsync("admin");
        var put = await admin.PutAsJsonAsync("/api/services/view-driving-record",
            new { name = "View driving record", department = "dft", departmentName = "Department for Transport", feedFrequency = "weekly" });
        Assert.True(put.IsSuccessStatusCode, $"PUT answered {put.StatusCode}");
        var message = JsonSerializer.Serialize(new
        {
            batchId = "host-invocation-1",
            mode = "increments",
            rows = new[] { UsageApi.Row("2026-11-20", "view-driving-record", "online", 9) },
        });

        // As the Functions host sends it: the message text serialized once more as a JSON string.
        var payload = JsonSerializer.Serialize(new
        {
            Data = new { msg = JsonSerializer.Serialize(message) },
            Metadata = new { DequeueCount = "1", Id = "m1", sys = new { MethodName = "ApplyUsageBatch" } },
        });
        var response = await client.PostAsync("/ApplyUsageBatch", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("Outputs", out _));
        var report = await UsageApi.TakeUpAsync(client, "view-driving-record", "2026-11-20", "2026-11-20");
        Assert.Equal(9, report.Total.Transactions);
    }
}
