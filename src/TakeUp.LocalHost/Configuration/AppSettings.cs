using System.Text.RegularExpressions;

namespace TakeUp.LocalHost.Configuration;

/// <summary>
/// The app settings of a local run: <c>local.settings.json</c> <c>Values</c>, then the caller's
/// overrides. They reach the worker as environment variables and resolve <c>%name%</c> in bindings.
/// </summary>
internal sealed partial class AppSettings
{
    public const string StorageConnectionName = "AzureWebJobsStorage";

    private readonly Dictionary<string, string> _values;

    public AppSettings(IReadOnlyDictionary<string, string> fromLocalSettings, IReadOnlyDictionary<string, string?>? overrides)
    {
        _values = new Dictionary<string, string>(fromLocalSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                _values.Remove(key);
            }
            else
            {
                _values[key] = value;
            }
        }
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// <c>local.settings.json</c> values, each replaced by an environment variable of the same name
    /// when one is set, as Core Tools does: <c>AzureWebJobsStorage=... dotnet run</c> means what it says.
    /// </summary>
    public static IReadOnlyDictionary<string, string> UnderEnvironment(IReadOnlyDictionary<string, string> localSettings) =>
        localSettings.ToDictionary(
            setting => setting.Key,
            setting => Environment.GetEnvironmentVariable(setting.Key) ?? setting.Value,
            StringComparer.OrdinalIgnoreCase);

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Replaces each <c>%name%</c> with that app setting, as the host does for binding properties.</summary>
    public string Resolve(string text) => SettingReference().Replace(text, match =>
        this[match.Groups["name"].Value]
        ?? throw new LocalHostConfigurationException(
            $"A binding refers to the app setting '{match.Groups["name"].Value}', which is not set. Add it to local.settings.json Values."));

    /// <summary>
    /// The storage connection string a binding's <c>connection</c> names (default AzureWebJobsStorage),
    /// looked up as the host does: the name itself, then <c>AzureWebJobs{name}</c>.
    /// </summary>
    public string StorageConnectionString(string? connectionName)
    {
        var name = string.IsNullOrEmpty(connectionName) ? StorageConnectionName : connectionName;
        return this[name] ?? this["AzureWebJobs" + name]
            ?? throw new LocalHostConfigurationException(
                $"The storage connection '{name}' is not set. Add it to local.settings.json Values (for Azurite: \"{name}\": \"UseDevelopmentStorage=true\").");
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingReference();
}
