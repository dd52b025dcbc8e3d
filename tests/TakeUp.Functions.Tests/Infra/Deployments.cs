using TakeUp.Functions.Startup;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>
/// The two deployments the Infra tests look at, each snapshotted once per run: the least azd
/// can be given, and every parameter given.
/// </summary>
internal static class Deployments
{
    public const string EnvironmentName = "takeup-test";
    public const string AuthClientId = "5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4";
    public const string PublicUrl = "https://digital-take-up.example.gov.uk";
    public const string AlertEmail = "takeup-operators@example.gov.uk";

    private static readonly Lazy<Task<Deployment>> Defaults = new(() => Template.SnapshotAsync(Required()));
    private static readonly Lazy<Task<Deployment>> All = new(() => Template.SnapshotAsync(Everything()));

    /// <summary>Only what main.bicep has no default for.</summary>
    public static Task<Deployment> WithDefaultsAsync() => Defaults.Value;

    /// <summary>Both secrets, both Notify templates, a custom address, scoped role mappings and every tuning setting.</summary>
    public static Task<Deployment> WithEverythingAsync() => All.Value;

    public static Dictionary<string, object?> Required() => new()
    {
        ["environmentName"] = EnvironmentName,
        ["authClientId"] = AuthClientId,
    };

    public static Dictionary<string, object?> Everything()
    {
        var parameters = Required();
        parameters["notifyApiKey"] = "takeuptest-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b-a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
        parameters["webhookSigningSecret"] = "not-a-real-signing-secret";
        parameters["notifyAlertTemplateId"] = "0d6c3a4e-1f2b-4c5d-9e8f-7a6b5c4d3e2f";
        parameters["notifyDigestTemplateId"] = "9e8f7a6b-5c4d-4e3f-8a1b-2c3d4e5f6a7b";
        parameters["publicUrl"] = PublicUrl;
        parameters["alertEmail"] = AlertEmail;
        parameters["appRoleMappings"] = new List<object?>
        {
            Mapping("TakeUpGds", "gds"),
            Mapping("TakeUpAdmin", "admin"),
            Mapping("CarersManagers", "service-manager", services: ["carers-allowance", "state-pension-online"]),
            Mapping("LeedsFrontline", "frontline", services: ["carers-allowance"]),
            Mapping("DwpFeed", "ingest", department: "dwp"),
        };

        // Each at the app's own default: valid by construction, so the app can bind them all.
        parameters["appTuning"] = AzureAppSettings.From(AzureSettingSource.Tuning)
            .ToDictionary(s => s.Name, s => (object?)AppOptions.DefaultText(s.Name), StringComparer.Ordinal);
        return parameters;
    }

    private static Dictionary<string, object?> Mapping(string appRole, string role, string[]? services = null, string? department = null)
    {
        var mapping = new Dictionary<string, object?> { ["appRole"] = appRole, ["role"] = role };
        if (services is not null)
        {
            mapping["services"] = services.Cast<object?>().ToList();
        }

        if (department is not null)
        {
            mapping["department"] = department;
        }

        return mapping;
    }
}
