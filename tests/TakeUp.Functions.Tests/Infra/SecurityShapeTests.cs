using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>
/// What the deployment lets in: no keys or passwords anywhere, TLS 1.2 at least, and the app's
/// identity holding exactly the five roles it needs, each on the one resource it is for.
/// </summary>
public class SecurityShapeTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Fact]
    public async Task The_storage_account_takes_no_shared_key_no_anonymous_blob_read_and_nothing_below_TLS_1_2()
    {
        var deployment = await Deployments.WithEverythingAsync();
        var account = deployment.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.All(deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public async Task The_apps_identity_holds_exactly_five_roles_each_on_the_resource_it_is_for()
    {
        var deployment = await Deployments.WithEverythingAsync();
        var identity = (string)deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var resource = new Func<string, string>(type => (string)deployment.Single(type)["id"]!);

        var granted = deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Select(a => (Role: ((string)a["properties"]!["roleDefinitionId"]!).Split('/')[^1], Scope: ScopeOf(a), Principal: (string)a["properties"]!["principalId"]!))
            .ToList();

        Assert.Equal(
            new[]
            {
                (StorageBlobDataOwner, resource("Microsoft.Storage/storageAccounts")),
                (StorageQueueDataContributor, resource("Microsoft.Storage/storageAccounts")),
                (StorageTableDataContributor, resource("Microsoft.Storage/storageAccounts")),
                (MonitoringMetricsPublisher, resource("Microsoft.Insights/components")),
                (KeyVaultSecretsUser, resource("Microsoft.KeyVault/vaults")),
            }.Order(),
            granted.Select(g => (g.Role, g.Scope)).Order());
        Assert.All(granted, g => Assert.Matches($@"^\[reference\('{Regex.Escape(identity)}', '[^']+'\)\.principalId\]$", g.Principal));
        Assert.All(deployment.OfType("Microsoft.Authorization/roleAssignments"),
            a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
    }

    [Fact]
    public async Task Application_Insights_and_Log_Analytics_take_Entra_ID_authentication_only()
    {
        var deployment = await Deployments.WithEverythingAsync();

        Assert.True((bool)deployment.Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)deployment.Single("Microsoft.OperationalInsights/workspaces")["properties"]!["features"]!["disableLocalAuth"]!);
        Assert.EndsWith(";Authorization=AAD", deployment.AppSettings()["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_vault_authorises_by_role_keeps_deleted_secrets_and_cannot_be_purged()
    {
        var vault = (await Deployments.WithEverythingAsync()).Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.Equal(Template.TenantId, (string?)vault["tenantId"]);
        Assert.Null(vault["accessPolicies"]);
    }

    [Fact]
    public async Task Secrets_are_kept_in_the_vault_only_when_given_and_reach_the_app_as_references_resolved_by_its_identity()
    {
        var everything = await Deployments.WithEverythingAsync();
        var settings = everything.AppSettings();
        var vault = (string)everything.Single("Microsoft.KeyVault/vaults")["name"]!;
        var site = everything.Single("Microsoft.Web/sites")["properties"]!;

        Assert.Equal(["notify-api-key", "webhook-signing-secret"],
            everything.OfType("Microsoft.KeyVault/vaults/secrets").Select(s => ((string)s["name"]!)[(vault.Length + 1)..]).Order(StringComparer.Ordinal));
        Assert.Matches(@"^@Microsoft\.KeyVault\(SecretUri=«[^»]+»secrets/notify-api-key\)$", settings["Notify__ApiKey"]!.ToString());
        Assert.Matches(@"^@Microsoft\.KeyVault\(SecretUri=«[^»]+»secrets/webhook-signing-secret\)$", settings["Webhooks__SigningSecret"]!.ToString());
        Assert.Equal((string)everything.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!, (string?)site["keyVaultReferenceIdentity"]);
        Assert.DoesNotContain(settings.Values, v => v?.ToString() == (string)Deployments.Everything()["notifyApiKey"]!);

        var defaults = await Deployments.WithDefaultsAsync();
        Assert.Empty(defaults.OfType("Microsoft.KeyVault/vaults/secrets"));
        Assert.DoesNotContain("Notify__ApiKey", defaults.AppSettings().Keys);
    }

    [Fact]
    public async Task The_function_app_answers_only_HTTPS_with_TLS_1_2_and_takes_no_FTP_or_publishing_password()
    {
        var deployment = await Deployments.WithEverythingAsync();
        var site = deployment.Single("Microsoft.Web/sites")["properties"]!;

        Assert.True((bool)site["httpsOnly"]!);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)site["siteConfig"]!["ftpsState"]);
        var policies = deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(p => ((string)p["name"]!).Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public async Task People_sign_in_with_Entra_ID_while_the_API_and_the_assets_answer_for_themselves()
    {
        var auth = (await Deployments.WithEverythingAsync()).Single("Microsoft.Web/sites/config", "/authsettingsV2")["properties"]!;

        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.True((bool)auth["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("RedirectToLoginPage", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.Equal(["/admin/*", "/api/*", "/assets/*"], auth["globalValidation"]!["excludedPaths"]!.AsArray().Select(p => (string)p!).Order(StringComparer.Ordinal));
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)entra["enabled"]!);
        Assert.Equal(Deployments.AuthClientId, (string?)entra["registration"]!["clientId"]);
        Assert.Contains(Template.TenantId, (string?)entra["registration"]!["openIdIssuer"], StringComparison.Ordinal);
        Assert.Null(entra["registration"]!["clientSecretSettingName"]);
    }

    /// <summary>The resource a role assignment is made on: its id less the assignment's own part.</summary>
    private static string ScopeOf(JsonObject assignment)
    {
        var id = (string)assignment["id"]!;
        var start = id.IndexOf('\'', StringComparison.Ordinal) + 1;
        return id[start..id.IndexOf('\'', start)];
    }
}
