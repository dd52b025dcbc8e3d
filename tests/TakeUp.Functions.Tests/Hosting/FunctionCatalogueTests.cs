using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Hosting;

/// <summary>
/// The deployment is a standard dotnet-isolated one: what `dotnet publish` writes is what Azure,
/// Core Tools and the local host read. Every function of design section 6 is there with its
/// trigger and binding settings, and the OpenAPI description lists exactly the HTTP ones.
/// </summary>
public class FunctionCatalogueTests
{
    /// <summary>Design section 6, as declared: trigger, then route and methods, queue, or UTC schedule.</summary>
    private static readonly Dictionary<string, (string Trigger, string Target, string? Methods)> Catalogue = new()
    {
        ["SubmitUsage"] = ("httpTrigger", "api/usage", "post"),
        ["GetUsageReceipt"] = ("httpTrigger", "api/usage/receipts/{id}", "get"),
        ["LogAssistedSession"] = ("httpTrigger", "api/services/{serviceId}/assisted-sessions", "post"),
        ["ImportAssistedSessions"] = ("httpTrigger", "api/services/{serviceId}/assisted-sessions/import", "post"),
        ["ListAssistedSessions"] = ("httpTrigger", "api/services/{serviceId}/assisted-sessions", "get"),
        ["GetAssistedSession"] = ("httpTrigger", "api/services/{serviceId}/assisted-sessions/{sessionId}", "get"),
        ["OpenSupportRequest"] = ("httpTrigger", "api/services/{serviceId}/support-requests", "post"),
        ["UpdateSupportRequest"] = ("httpTrigger", "api/services/{serviceId}/support-requests/{id}", "patch"),
        ["ListSupportRequests"] = ("httpTrigger", "api/services/{serviceId}/support-requests", "get"),
        ["GetSupportRequest"] = ("httpTrigger", "api/services/{serviceId}/support-requests/{id}", "get"),
        ["GetServiceTakeUp"] = ("httpTrigger", "api/services/{serviceId}/take-up", "get"),
        ["ListUsageRevisions"] = ("httpTrigger", "api/services/{serviceId}/usage/revisions", "get"),
        ["QueryTakeUp"] = ("httpTrigger", "api/take-up", "get"),
        ["ListServices"] = ("httpTrigger", "api/services", "get"),
        ["GetService"] = ("httpTrigger", "api/services/{serviceId}", "get"),
        ["PutService"] = ("httpTrigger", "api/services/{serviceId}", "put"),
        ["ListAlerts"] = ("httpTrigger", "api/alerts", "get"),
        ["GetAlert"] = ("httpTrigger", "api/alerts/{id}", "get"),
        ["AcknowledgeAlert"] = ("httpTrigger", "api/alerts/{id}/acknowledge", "post"),
        ["CreateApiKey"] = ("httpTrigger", "api/admin/keys", "post"),
        ["ListApiKeys"] = ("httpTrigger", "api/admin/keys", "get"),
        ["RevokeApiKey"] = ("httpTrigger", "api/admin/keys/{id}", "delete"),
        ["ReplayPoisonMessages"] = ("httpTrigger", "api/admin/poison/{queue}/replay", "post"),
        ["Health"] = ("httpTrigger", "api/health", "get"),
        ["OpenApi"] = ("httpTrigger", "api/openapi.json", "get"),
        ["HomePage"] = ("httpTrigger", "{root:maxlength(0)?}", "get"),
        ["SignInPage"] = ("httpTrigger", "sign-in", "get,post"),
        ["SignOutPage"] = ("httpTrigger", "sign-out", "post"),
        ["LogSessionPage"] = ("httpTrigger", "services/{serviceId}/sessions/new", "get,post"),
        ["SessionPage"] = ("httpTrigger", "services/{serviceId}/sessions/{id:guid}", "get"),
        ["RecentSessionsPage"] = ("httpTrigger", "sessions/recent", "get"),
        ["SupportRequestsPage"] = ("httpTrigger", "services/{serviceId}/support-requests", "get"),
        ["OpenSupportRequestPage"] = ("httpTrigger", "services/{serviceId}/support-requests/new", "get,post"),
        ["SupportRequestPage"] = ("httpTrigger", "services/{serviceId}/support-requests/{id:guid}", "get,post"),
        ["DashboardPage"] = ("httpTrigger", "services/{serviceId}", "get"),
        ["DashboardTakeUpCsv"] = ("httpTrigger", "services/{serviceId}/take-up.csv", "get"),
        ["DashboardSessionsCsv"] = ("httpTrigger", "services/{serviceId}/assisted-sessions.csv", "get"),
        ["AcknowledgeAlertPage"] = ("httpTrigger", "services/{serviceId}/alerts/{alertId}/acknowledge", "post"),
        ["CrossGovPage"] = ("httpTrigger", "take-up", "get"),
        ["CrossGovCsv"] = ("httpTrigger", "take-up.csv", "get"),
        ["Assets"] = ("httpTrigger", "assets/{*path}", "get,head"),
        ["ApplyUsageBatch"] = ("queueTrigger", "usage-batches", null),
        ["ComputeServiceTrend"] = ("queueTrigger", "trend-jobs", null),
        ["DeliverAlert"] = ("queueTrigger", "alerts", null),
        ["ScheduleTrendComputation"] = ("timerTrigger", "0 30 0,1 * * *", null),
        ["CheckDataFreshness"] = ("timerTrigger", "0 5 * * * *", null),
        ["SendWeeklyDigest"] = ("timerTrigger", "0 0 6,7 * * 1", null),
        ["PurgeExpiredRecords"] = ("timerTrigger", "0 15 2,3 * * *", null),
    };

    private static readonly Lazy<string> Published = new(Publish);

    [Fact]
    public void The_published_app_is_a_dotnet_isolated_deployment()
    {
        var folder = Published.Value;

        var workerConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "worker.config.json")))!;
        Assert.Equal("dotnet-isolated", workerConfig["description"]!["language"]!.GetValue<string>());
        Assert.Equal("TakeUp.Functions.dll", workerConfig["description"]!["defaultWorkerPath"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(folder, "TakeUp.Functions.dll")));
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "host.json")))!;
        Assert.Null(hostJson["customHandler"]);
        Assert.Equal("", hostJson["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("base64", hostJson["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(folder, "local.settings.json")), "local.settings.json is for local runs only");
    }

    [Fact]
    public void Every_function_of_the_catalogue_is_published_with_its_trigger_and_settings()
    {
        var functions = JsonNode.Parse(File.ReadAllText(Path.Combine(Published.Value, "functions.metadata")))!.AsArray()
            .Select(f => f!.AsObject())
            .ToDictionary(f => f["name"]!.GetValue<string>(), f => f["bindings"]!.AsArray().Select(b => b!.AsObject()).First(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal)));

        Assert.Equal(Catalogue.Keys.Order(StringComparer.Ordinal), functions.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, (trigger, target, methods)) in Catalogue)
        {
            var binding = functions[name];
            Assert.Equal(trigger, binding["type"]!.GetValue<string>());
            switch (trigger)
            {
                case "httpTrigger":
                    Assert.Equal(target, binding["route"]!.GetValue<string>());
                    Assert.Equal(methods!.Split(","), binding["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
                    Assert.Equal("Anonymous", binding["authLevel"]!.GetValue<string>());
                    break;
                case "queueTrigger":
                    Assert.Equal(target, binding["queueName"]!.GetValue<string>());
                    Assert.Equal("AzureWebJobsStorage", binding["connection"]!.GetValue<string>());
                    break;
                case "timerTrigger":
                    Assert.Equal(target, binding["schedule"]!.GetValue<string>());
                    break;
            }
        }
    }

    [Fact]
    public async Task The_OpenAPI_description_lists_exactly_the_api_functions_routes_and_methods()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var client = app.CreateClient();

        var document = (await client.GetFromJsonAsync<JsonObject>("/api/openapi.json"))!;

        var described = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key} {path.Key}"))
            .Order(StringComparer.Ordinal);
        var declared = Catalogue.Values
            .Where(f => f.Trigger == "httpTrigger" && f.Target.StartsWith("api/", StringComparison.Ordinal))
            .Select(f => $"{f.Methods} /{f.Target}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(declared, described);
        var submit = document["paths"]!["/api/usage"]!["post"]!;
        Assert.NotNull(submit["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(submit["requestBody"]!["content"]!["text/csv"]);
        Assert.NotNull(submit["responses"]!["202"]!["content"]!["application/json"]!["schema"]!["properties"]!["status"]);
    }

    private static string Publish()
    {
        var root = Infrastructure.RepositoryFolders.Root;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var output = Path.Combine(Path.GetTempPath(), "takeup-publish", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "TakeUp.Functions"), "-c", configuration, "-o", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed: {text.Result}{errors.Result}");
        return output;
    }
}
