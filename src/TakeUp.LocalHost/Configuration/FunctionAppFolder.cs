using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakeUp.LocalHost.Configuration;

/// <summary>
/// What the local host reads from an app's build output, as Core Tools does: <c>worker.config.json</c>
/// (how to start the worker), <c>host.json</c> (routes, queues) and <c>local.settings.json</c>
/// (app settings, the HTTP port).
/// </summary>
internal sealed class FunctionAppFolder
{
    public const string WorkerConfigFileName = "worker.config.json";
    public const string HostJsonFileName = "host.json";
    public const string LocalSettingsFileName = "local.settings.json";

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private FunctionAppFolder(string directory, HostJsonSettings hostJson, IReadOnlyDictionary<string, string> values, int? localHttpPort)
    {
        Directory = directory;
        HostJson = hostJson;
        LocalSettingsValues = values;
        LocalHttpPort = localHttpPort;
    }

    public string Directory { get; }

    public HostJsonSettings HostJson { get; }

    /// <summary><c>local.settings.json</c> <c>Values</c>: the app settings of a local run.</summary>
    public IReadOnlyDictionary<string, string> LocalSettingsValues { get; }

    /// <summary><c>local.settings.json</c> <c>Host.LocalHttpPort</c>, when set.</summary>
    public int? LocalHttpPort { get; }

    public static FunctionAppFolder Read(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new LocalHostConfigurationException($"The function app folder {full} does not exist. Build the app (dotnet build) and pass its output folder with --script-root.");
        }

        var hostJson = HostJsonSettings.Parse(ReadJson(Path.Combine(full, HostJsonFileName)));
        var settings = ReadJson(Path.Combine(full, LocalSettingsFileName));
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (settings?["Values"] is JsonObject valuesObject)
        {
            foreach (var (key, value) in valuesObject)
            {
                values[key] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";
            }
        }

        int? port = settings?["Host"]?["LocalHttpPort"] is JsonValue portValue && portValue.TryGetValue<int>(out var p) ? p : null;
        return new FunctionAppFolder(full, hostJson, values, port);
    }

    /// <summary>The worker's entry assembly from <c>worker.config.json</c> <c>description.defaultWorkerPath</c>.</summary>
    public static string ReadWorkerPath(string directory, string? buildHint = null)
    {
        var configPath = Path.Combine(directory, WorkerConfigFileName);
        if (!File.Exists(configPath))
        {
            throw new LocalHostConfigurationException(
                $"{configPath} is missing, so the function app is not built. " +
                (buildHint ?? "Build it with 'dotnet build <the app's .csproj>' and point --script-root at its output folder (bin/Debug/net10.0)."));
        }

        var config = ReadJson(configPath);
        var workerPath = config?["description"]?["defaultWorkerPath"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(workerPath))
        {
            throw new LocalHostConfigurationException($"{configPath} has no description.defaultWorkerPath: it is not a .NET isolated worker's output.");
        }

        var full = Path.GetFullPath(Path.Combine(directory, workerPath));
        if (!File.Exists(full))
        {
            throw new LocalHostConfigurationException($"{configPath} names the worker {full}, which does not exist. Build the app again.");
        }

        return full;
    }

    private static JsonNode? ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: Lenient);
        }
        catch (JsonException ex)
        {
            throw new LocalHostConfigurationException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }
}
