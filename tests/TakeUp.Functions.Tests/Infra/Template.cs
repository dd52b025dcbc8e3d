using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled to ARM JSON, and deployed on paper: <c>bicep snapshot</c> with a
/// parameters file predicts every resource a deployment with those parameters would make, with
/// names and properties worked out offline.
/// </summary>
internal static class Template
{
    public const string SubscriptionId = "3f2a9c1e-5b7d-4e08-a6c3-9d1f2e4b8a70";
    public const string TenantId = "c8e1f4a2-7d3b-4c9e-b5a6-1f0e2d3c4b59";
    public const string Location = "uksouth";

    private static readonly Lazy<Task<JsonObject>> CompiledTemplate = new(CompileAsync);

    /// <summary>The ARM JSON <c>bicep build</c> makes of main.bicep and its modules.</summary>
    public static Task<JsonObject> CompiledAsync() => CompiledTemplate.Value;

    /// <summary>What a deployment with these parameters of main.bicep (the others at their defaults) would make.</summary>
    public static async Task<Deployment> SnapshotAsync(IReadOnlyDictionary<string, object?> parameters)
    {
        var compiled = await CompiledAsync();
        var folder = Directory.CreateTempSubdirectory("takeup-infra-");
        try
        {
            var file = Path.Combine(folder.FullName, "test.bicepparam");
            await File.WriteAllTextAsync(file, ParametersFile(parameters, folder.FullName));
            var run = await BicepCli.RunAsync(folder.FullName,
                "snapshot", file, "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location, "--deployment-name", "azd");
            // Warnings are TemplateBuildTests' to report; here only whether it could be worked out.
            Assert.True(run.ExitCode == 0 && File.Exists(Path.Combine(folder.FullName, "test.snapshot.json")), $"bicep snapshot failed: {run.Describe()}");

            var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "test.snapshot.json")))!.AsObject();
            return new Deployment(snapshot, Scope(compiled, parameters));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<JsonObject> CompileAsync()
    {
        var run = await BicepCli.RunAsync(BicepCli.InfraFolder, "build", BicepCli.MainTemplate, "--stdout");
        Assert.True(run.ExitCode == 0, $"bicep build failed: {run.Describe()}");
        return JsonNode.Parse(run.Output)!.AsObject();
    }

    /// <summary>main.bicep's parameters as given, else their defaults; and every constant variable of the template and its modules.</summary>
    private static ArmScope Scope(JsonObject compiled, IReadOnlyDictionary<string, object?> given)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, declaration) in compiled["parameters"]!.AsObject())
        {
            if (given.TryGetValue(name, out var value))
            {
                parameters[name] = ArmExpression.FromJson(JsonSerializerNode(value));
            }
            else if (declaration!.AsObject().TryGetPropertyValue("defaultValue", out var defaultValue))
            {
                parameters[name] = ArmExpression.FromJson(defaultValue);
            }
        }

        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in AllVariables(compiled))
        {
            // A constant only: an expression depends on where it is evaluated.
            if (HasExpression(declared.Value))
            {
                continue;
            }

            var value = ArmExpression.FromJson(declared.Value);
            if (variables.TryGetValue(declared.Key, out var existing) && !JsonNode.DeepEquals(JsonSerializerNode(existing), declared.Value))
            {
                ambiguous.Add(declared.Key);
            }

            variables[declared.Key] = value;
        }

        foreach (var name in ambiguous)
        {
            variables.Remove(name);
        }

        return new ArmScope(parameters, variables);
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> AllVariables(JsonObject template)
    {
        if (template["variables"] is JsonObject variables)
        {
            foreach (var variable in variables)
            {
                yield return variable;
            }
        }

        var resources = template["resources"] switch
        {
            JsonObject byName => byName.Select(p => p.Value),
            JsonArray list => list,
            _ => [],
        };
        foreach (var nested in resources.OfType<JsonObject>().Select(r => (r["properties"] as JsonObject)?["template"]).OfType<JsonObject>())
        {
            foreach (var variable in AllVariables(nested))
            {
                yield return variable;
            }
        }
    }

    private static bool HasExpression(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => HasExpression(p.Value)),
        JsonArray array => array.Any(HasExpression),
        JsonValue value => value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().StartsWith('['),
        _ => false,
    };

    private static JsonNode? JsonSerializerNode(object? value) => System.Text.Json.JsonSerializer.SerializeToNode(value);

    private static string ParametersFile(IReadOnlyDictionary<string, object?> parameters, string folder)
    {
        // A parameters file must name its template by a relative path.
        var template = Path.GetRelativePath(folder, BicepCli.MainTemplate).Replace('\\', '/');
        var file = new StringBuilder($"using '{template}'\n\n");
        foreach (var (name, value) in parameters)
        {
            file.Append(CultureInfo.InvariantCulture, $"param {name} = {Literal(value)}\n");
        }

        return file.ToString();
    }

    private static string PropertyName(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") ? name : Literal(name);

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IDictionary dictionary => "{ " + string.Join(", ", dictionary.Keys.Cast<string>().Select(k => $"{PropertyName(k)}: {Literal(dictionary[k])}")) + " }",
        IEnumerable list => "[ " + string.Join(", ", list.Cast<object?>().Select(Literal)) + " ]",
        _ => throw new NotSupportedException($"No Bicep literal for {value.GetType().Name}"),
    };
}

/// <summary>The resources one snapshot predicts.</summary>
internal sealed class Deployment(JsonObject snapshot, ArmScope scope)
{
    /// <summary>The resources deployed: a resource whose condition the snapshot left undecided (a secure parameter's) is decided here.</summary>
    public IReadOnlyList<JsonObject> Resources { get; } = snapshot["predictedResources"]!.AsArray()
        .Select(r => r!.AsObject())
        .Where(r => r["condition"] is not { } condition || ArmExpression.Evaluate(condition, scope) switch
        {
            bool deployed => deployed,
            var undecided => throw new InvalidOperationException($"Whether {r["name"]} is deployed is known only at deployment: {undecided}"),
        })
        .ToList();

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one resource of a type (and, for child resources, whose name ends with <paramref name="nameEnd"/>).</summary>
    public JsonObject Single(string type, string? nameEnd = null)
    {
        var matches = OfType(type).Where(r => nameEnd is null || ((string)r["name"]!).EndsWith(nameEnd, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}{(nameEnd is null ? "" : " named *" + nameEnd)}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>A resource's properties, their deployment-time values <see cref="Deferred"/>.</summary>
    public object? Properties(JsonObject resource) => ArmExpression.Evaluate(resource["properties"], scope);

    /// <summary>The function app's app settings: every name known, values that only a deployment knows deferred.</summary>
    public IReadOnlyDictionary<string, object?> AppSettings()
    {
        var settings = Properties(Single("Microsoft.Web/sites/config", "/appsettings"));
        return settings as Dictionary<string, object?>
            ?? throw new InvalidOperationException($"The app settings' names are known only at deployment: {settings}");
    }
}
