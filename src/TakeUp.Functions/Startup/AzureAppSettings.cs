using System.Reflection;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Demo;
using TakeUp.Functions.Local;
using TakeUp.Functions.Retention;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Trends;

namespace TakeUp.Functions.Startup;

/// <summary>
/// Every app setting the app, or the Functions host it runs in, reads in Azure, and who sets it
/// there. The template in <c>infra/</c> sets exactly the <see cref="AzureSettingSource.Template"/>
/// and <see cref="AzureSettingSource.TemplateWhenGiven"/> ones, and the
/// <see cref="AzureSettingSource.Tuning"/> ones a deployment asks for; the Infra tests compile it
/// and check both ways. An options class's settings are named from the class itself (its
/// <c>Section</c> and properties), and the tests fail on any property bound from configuration
/// that is missing here, so the list cannot drift from the code.
/// </summary>
/// <remarks>
/// Names are app-setting names: <c>__</c> for <c>:</c>. A name ending in <c>__</c> stands for
/// every setting under it (a dictionary or a list). The queue, HTTP and logging settings of the
/// host are in host.json, and the framework's (Logging, AllowedHosts) in appsettings.json, both
/// shipped with the app: none is an app setting.
/// </remarks>
public static class AzureAppSettings
{
    public static IReadOnlyList<AzureAppSetting> All { get; } =
    [
        // The storage account by identity, read alike by the host (triggers, timers' schedule
        // status, leases) and by StorageConnection.From and StorageSetup (the app's table and queue
        // clients, and their credential through AzureComponentFactory).
        Setting("AzureWebJobsStorage__accountName", AzureSettingSource.Template, "the Functions host; StorageConnection.From"),
        Setting("AzureWebJobsStorage__credential", AzureSettingSource.Template, "the Functions host; StorageSetup (AzureComponentFactory)"),
        Setting("AzureWebJobsStorage__clientId", AzureSettingSource.Template, "the Functions host; StorageSetup (AzureComponentFactory)"),

        // A connection string: the emulator's, from appsettings.json and local.settings.json.
        // Never in Azure, where shared keys are off (and the identity form above wins over it).
        Setting(StorageConnection.Setting, AzureSettingSource.LocalOnly, "StorageConnection.From, when no identity address is set"),

        // The host, and the worker's OpenTelemetry exporter, send traces, metrics and logs as the
        // app's identity, Application Insights' local auth being off.
        Setting("APPLICATIONINSIGHTS_CONNECTION_STRING", AzureSettingSource.Template, "the Functions host; TelemetrySetup"),
        Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", AzureSettingSource.Template, "the Functions host; TelemetrySetup (Entra ID authentication)"),

        // App Service Authentication says it is on; only then is X-MS-CLIENT-PRINCIPAL trusted.
        Setting("WEBSITE_AUTH_ENABLED", AzureSettingSource.Platform, "AuthSetup"),
        // The same switch by hand, for tests and local runs; in Azure the platform's setting decides.
        Option<AppServiceAuthOptions>(nameof(AppServiceAuthOptions.Enabled), AzureSettingSource.LocalOnly, "AuthSetup"),
        // Entra ID app roles to the app's roles and scopes (docs/access.md), from the template's appRoleMappings.
        Option<AppServiceAuthOptions>(nameof(AppServiceAuthOptions.Roles), AzureSettingSource.TemplateWhenGiven, "AppServiceAuthenticationHandler"),

        // Links in alert e-mails, webhooks and digests: the default is localhost.
        Option<AppLinkOptions>(nameof(AppLinkOptions.PublicUrl), AzureSettingSource.Template, "DeliverAlert, SendWeeklyDigest (AppLinkOptions)"),

        // GOV.UK Notify; without a key, e-mails are recorded as skipped. The key is a Key Vault reference.
        Option<NotifyOptions>(nameof(NotifyOptions.ApiKey), AzureSettingSource.TemplateWhenGiven, "NotifyClient"),
        Option<NotifyOptions>(nameof(NotifyOptions.AlertTemplateId), AzureSettingSource.TemplateWhenGiven, "DeliverAlert"),
        Option<NotifyOptions>(nameof(NotifyOptions.DigestTemplateId), AzureSettingSource.TemplateWhenGiven, "SendWeeklyDigest"),
        Option<NotifyOptions>(nameof(NotifyOptions.BaseUrl), AzureSettingSource.Tuning, "NotifyClient"),

        // Alert webhooks; without a secret, webhooks are recorded as skipped. The secret is a Key Vault reference.
        Option<WebhookOptions>(nameof(WebhookOptions.SigningSecret), AzureSettingSource.TemplateWhenGiven, "WebhookSender"),
        Option<WebhookOptions>(nameof(WebhookOptions.Timeout), AzureSettingSource.Tuning, "WebhookSender"),

        // Empty in production (one copy of the app per account).
        Option<StorageOptions>(nameof(StorageOptions.NamePrefix), AzureSettingSource.Tuning, "StorageAccount"),

        .. AllOf<RetentionOptions>(AzureSettingSource.Tuning, "PurgeExpiredRecords"),
        .. AllOf<TrendOptions>(AzureSettingSource.Tuning, "ComputeServiceTrend, TrendComputationGate"),

        // A developer's machine only: seeds, development keys and the demo history. Unset in Azure,
        // where the environment is Production, so they stay off.
        .. AllOf<LocalSetupOptions>(AzureSettingSource.LocalOnly, "LocalSetup, PageSignIn"),
        .. AllOf<DemoOptions>(AzureSettingSource.LocalOnly, "DemoLoader"),
    ];

    /// <summary>The settings of <paramref name="source"/>.</summary>
    public static IEnumerable<AzureAppSetting> From(AzureSettingSource source) => All.Where(s => s.Source == source);

    /// <summary>The entry that stands for <paramref name="setting"/>, if any.</summary>
    public static AzureAppSetting? Find(string setting) => All.FirstOrDefault(s => s.Matches(setting));

    /// <summary>The setting of one property of an options class, or the prefix of its entries when it is a dictionary or list.</summary>
    public static string NameOf(Type optionsType, PropertyInfo property)
    {
        var name = $"{SectionOf(optionsType).Replace(":", "__", StringComparison.Ordinal)}__{property.Name}";
        return IsSingleValue(property.PropertyType) ? name : name + "__";
    }

    /// <summary>The properties configuration binding sets on an options class.</summary>
    public static IEnumerable<PropertyInfo> BoundProperties(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    /// <summary>The configuration section an options class is bound from: its <c>Section</c> constant.</summary>
    public static string SectionOf(Type optionsType) =>
        optionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException($"{optionsType.Name} has no public const string Section.");

    private static AzureAppSetting Setting(string name, AzureSettingSource source, string readBy) => new(name, source, readBy);

    private static AzureAppSetting Option<TOptions>(string property, AzureSettingSource source, string readBy)
    {
        var info = typeof(TOptions).GetProperty(property) ?? throw new InvalidOperationException($"{typeof(TOptions).Name} has no property {property}.");
        return new(NameOf(typeof(TOptions), info), source, readBy);
    }

    private static IEnumerable<AzureAppSetting> AllOf<TOptions>(AzureSettingSource source, string readBy) =>
        BoundProperties(typeof(TOptions)).Select(p => new AzureAppSetting(NameOf(typeof(TOptions), p), source, readBy));

    private static bool IsSingleValue(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum
            || underlying == typeof(string) || underlying == typeof(decimal) || underlying == typeof(Uri)
            || underlying == typeof(TimeSpan) || underlying == typeof(DateOnly) || underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime);
    }
}

/// <summary>Who sets an app setting in Azure.</summary>
public enum AzureSettingSource
{
    /// <summary>The template, in every deployment.</summary>
    Template,

    /// <summary>The template, when the deployment is given a value for it (a secret, a template id, a role mapping).</summary>
    TemplateWhenGiven,

    /// <summary>Read with a default meant for production; the template sets it only when the deployment's <c>appTuning</c> gives it.</summary>
    Tuning,

    /// <summary>App Service itself; the template must not.</summary>
    Platform,

    /// <summary>Nobody: meaningful on a developer's machine or in tests only.</summary>
    LocalOnly,
}

/// <param name="Name">The app setting, or a prefix ending in <c>__</c>.</param>
/// <param name="Source">Who sets it in Azure.</param>
/// <param name="ReadBy">The code that reads it.</param>
public sealed record AzureAppSetting(string Name, AzureSettingSource Source, string ReadBy)
{
    public bool IsPrefix => Name.EndsWith("__", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="setting"/> is this one or, for a prefix, one under it.</summary>
    public bool Matches(string setting) =>
        IsPrefix ? setting.Length > Name.Length && setting.StartsWith(Name, StringComparison.Ordinal) : setting == Name;
}
