using System.Text.Json.Nodes;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>`azd up` provisions one Flex Consumption app running the .NET 10 isolated worker and deploys this project to it.</summary>
public class DeploymentShapeTests
{
    [Fact]
    public async Task The_app_runs_dotnet_isolated_10_on_Flex_Consumption_and_deploys_from_its_own_container_by_identity()
    {
        var deployment = await Deployments.WithDefaultsAsync();
        var plan = deployment.Single("Microsoft.Web/serverfarms");
        var site = deployment.Single("Microsoft.Web/sites");
        var identity = (string)deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var config = Assert.IsType<Dictionary<string, object?>>(deployment.Properties(site))["functionAppConfig"] as Dictionary<string, object?>;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!); // Linux
        Assert.Equal((string)plan["id"]!, (string?)site["properties"]!["serverFarmId"]);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);

        var runtime = Assert.IsType<Dictionary<string, object?>>(config!["runtime"]);
        Assert.Equal("dotnet-isolated", runtime["name"]);
        Assert.Equal("10.0", runtime["version"]);
        var scale = Assert.IsType<Dictionary<string, object?>>(config["scaleAndConcurrency"]);
        Assert.Equal(2048L, scale["instanceMemoryMB"]);
        Assert.Equal(40L, scale["maximumInstanceCount"]);

        var storage = Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(config["deployment"])["storage"]);
        var container = ((string)deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers")["name"]!).Split('/')[^1];
        Assert.Equal("blobContainer", storage["type"]);
        Assert.EndsWith($".primaryEndpoints.blob»{container}", (string)storage["value"]!, StringComparison.Ordinal);
        var authentication = Assert.IsType<Dictionary<string, object?>>(storage["authentication"]);
        Assert.Equal("UserAssignedIdentity", authentication["type"]);
        Assert.Equal(identity, authentication["userAssignedIdentityResourceId"]);

        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal([identity], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", deployment.AppSettings().Keys); // Flex refuses it
    }

    [Fact]
    public async Task Azd_deploys_the_functions_project_to_the_app_the_template_tags_for_it()
    {
        var service = AzureYamlService("functions");
        var site = (await Deployments.WithDefaultsAsync()).Single("Microsoft.Web/sites");

        Assert.Equal("./src/TakeUp.Functions", service["project"]);
        Assert.Equal("dotnet", service["language"]);
        Assert.Equal("function", service["host"]);
        Assert.True(File.Exists(Path.Combine(RepositoryFolders.Root, service["project"], "TakeUp.Functions.csproj")));
        Assert.Equal("functions", (string?)site["tags"]!["azd-service-name"]);
        Assert.Equal(Deployments.EnvironmentName, (string?)site["tags"]!["azd-env-name"]);
    }

    [Fact]
    public async Task The_azd_parameters_file_gives_every_required_parameter_and_only_parameters_the_template_has()
    {
        var declared = (await Template.CompiledAsync())["parameters"]!.AsObject();
        var given = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.DoesNotContain(given, p => !declared.ContainsKey(p.Key));
        Assert.DoesNotContain(declared, p => !p.Value!.AsObject().ContainsKey("defaultValue") && !given.ContainsKey(p.Key));
        // Secrets come from azd's environment, never from the file.
        Assert.All(declared.Where(p => (string?)p.Value!["type"] == "securestring").Select(p => p.Key),
            name => Assert.StartsWith("${", (string?)given[name]?["value"] ?? "${", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_template_outputs_what_azd_deploys_with()
    {
        var outputs = (await Template.CompiledAsync())["outputs"]!.AsObject();

        Assert.All(["AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_NAME"], name => Assert.True(outputs.ContainsKey(name), name));
    }

    /// <summary>One service of azure.yaml, read as the two-level mapping it is (no YAML library in the tests).</summary>
    private static Dictionary<string, string> AzureYamlService(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFolders.Root, "azure.yaml"))
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#')).ToList();
        var services = lines.IndexOf("services:");
        Assert.True(services >= 0, "azure.yaml has no services");
        var start = lines.IndexOf($"  {name}:", services);
        Assert.True(start > services, $"azure.yaml has no service {name}");
        return lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(':', 2))
            .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
    }
}
