using System.Globalization;
using System.Text.Json;

namespace TakeUp.Hosting;

/// <summary>Reads and checks the Functions host.json that ships beside the app.</summary>
public static class HostJson
{
    public const string FileName = "host.json";
    public const string DefaultRoutePrefix = "api";

    // The Functions host reads host.json leniently (comments, trailing commas, any casing).
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The first host.json found in the given folders, in order; null when none has one.</summary>
    public static string? Find(params string?[] folders)
    {
        foreach (var folder in folders)
        {
            if (!string.IsNullOrEmpty(folder) && File.Exists(Path.Combine(folder, FileName)))
            {
                return Path.GetFullPath(Path.Combine(folder, FileName));
            }
        }

        return null;
    }

    /// <exception cref="FormatException">A setting this library uses is malformed; the message names it.</exception>
    public static HostJsonSettings Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path));
    }

    /// <exception cref="FormatException">A setting this library uses is malformed; the message names it.</exception>
    public static HostJsonSettings Parse(string json)
    {
        var problems = new List<string>();
        var settings = Parse(json, problems);
        return problems.Count == 0 ? settings : throw new FormatException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Everything wrong with a host.json for this app, as sentences naming the setting and the
    /// fix; empty when it is fit to deploy. Checks the custom-handler settings the app depends on
    /// (HTTP forwarding on, an executable to start) and the settings the local runtime reads.
    /// </summary>
    /// <param name="expectedExecutableName">When given, <c>defaultExecutablePath</c> must name this executable.</param>
    public static IReadOnlyList<string> Validate(string path, string? expectedExecutableName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [$"{path} does not exist: the Functions host needs a host.json at the app root."];
        }

        var problems = new List<string>();
        var json = File.ReadAllText(path);
        Parse(json, problems);
        if (problems.Count > 0 && !IsJsonObject(json))
        {
            return problems;
        }

        using var document = JsonDocument.Parse(json, DocumentOptions);
        var root = document.RootElement;
        if (!root.TryGetPropertyIgnoreCase("version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            problems.Add("version must be \"2.0\": the Functions runtime 4.x reads only the 2.0 schema.");
        }

        if (!root.TryGetPropertyIgnoreCase("customHandler", out var customHandler) || customHandler.ValueKind != JsonValueKind.Object)
        {
            problems.Add("customHandler is missing: add {\"description\":{\"defaultExecutablePath\":...},\"enableForwardingHttpRequest\":true} so the host starts this app.");
            return problems;
        }

        if (!customHandler.TryGetPropertyIgnoreCase("enableForwardingHttpRequest", out var forwarding) || forwarding.ValueKind != JsonValueKind.True)
        {
            problems.Add("customHandler.enableForwardingHttpRequest must be true: the app answers HTTP functions itself from the original request.");
        }

        if (!customHandler.TryGetPropertyIgnoreCase("description", out var description) || description.ValueKind != JsonValueKind.Object)
        {
            problems.Add("customHandler.description is missing: set defaultExecutablePath to the app's executable.");
            return problems;
        }

        CheckExecutable(description, expectedExecutableName, problems);
        if (description.TryGetPropertyIgnoreCase("arguments", out var arguments)
            && (arguments.ValueKind != JsonValueKind.Array || arguments.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String)))
        {
            problems.Add("customHandler.description.arguments must be an array of strings.");
        }

        return problems;
    }

    private static void CheckExecutable(JsonElement description, string? expectedExecutableName, List<string> problems)
    {
        if (!description.TryGetPropertyIgnoreCase("defaultExecutablePath", out var executable)
            || executable.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(executable.GetString()))
        {
            problems.Add("customHandler.description.defaultExecutablePath is missing: set it to the app's executable name, relative to the app root.");
            return;
        }

        var path = executable.GetString()!;
        var fileName = Path.GetFileName(path);
        if (Path.IsPathRooted(path))
        {
            problems.Add($"customHandler.description.defaultExecutablePath '{path}' is absolute: make it relative to the app root, where the package is unpacked.");
        }

        if (fileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileNameWithoutExtension(fileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"customHandler.description.defaultExecutablePath '{path}' needs a .NET runtime on the host: publish self-contained and point at the app's own executable.");
        }

        if (expectedExecutableName is not null
            && !string.Equals(fileName, expectedExecutableName, StringComparison.Ordinal)
            && !string.Equals(fileName, expectedExecutableName + ".exe", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"customHandler.description.defaultExecutablePath '{path}' does not name the app's executable '{expectedExecutableName}'.");
        }
    }

    private static HostJsonSettings Parse(string json, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            problems.Add($"host.json is not valid JSON: {ex.Message}");
            return HostJsonSettings.Default;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("host.json must hold a JSON object.");
                return HostJsonSettings.Default;
            }

            var routePrefix = DefaultRoutePrefix;
            var queues = HostJsonQueueSettings.None;
            if (root.TryGetPropertyIgnoreCase("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
            {
                if (extensions.TryGetPropertyIgnoreCase("http", out var http) && http.TryGetPropertyIgnoreCase("routePrefix", out var prefix))
                {
                    if (prefix.ValueKind == JsonValueKind.String)
                    {
                        routePrefix = prefix.GetString()!.Trim('/');
                    }
                    else
                    {
                        problems.Add("extensions.http.routePrefix must be a string (\"\" removes the prefix).");
                    }
                }

                if (extensions.TryGetPropertyIgnoreCase("queues", out var queueSection) && queueSection.ValueKind == JsonValueKind.Object)
                {
                    queues = new HostJsonQueueSettings(
                        ReadInt(queueSection, "batchSize", 1, 32, problems),
                        ReadInt(queueSection, "maxDequeueCount", 1, int.MaxValue, problems),
                        ReadTimeSpan(queueSection, "maxPollingInterval", TimeSpan.FromMilliseconds(100), problems),
                        ReadTimeSpan(queueSection, "visibilityTimeout", TimeSpan.Zero, problems));
                }
            }

            return new HostJsonSettings(routePrefix, queues);
        }
    }

    private static int? ReadInt(JsonElement section, string name, int min, int max, List<string> problems)
    {
        if (!section.TryGetPropertyIgnoreCase(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add($"extensions.queues.{name} must be a whole number from {min} to {(max == int.MaxValue ? "up" : max.ToString(CultureInfo.InvariantCulture))} (found {value.GetRawText()}).");
        return null;
    }

    /// <summary>A TimeSpan as the host writes it (<c>"00:00:02"</c>), or a number of milliseconds.</summary>
    private static TimeSpan? ReadTimeSpan(JsonElement section, string name, TimeSpan min, List<string> problems)
    {
        if (!section.TryGetPropertyIgnoreCase(name, out var value))
        {
            return null;
        }

        TimeSpan? parsed = value.ValueKind switch
        {
            JsonValueKind.String when TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var span) => span,
            JsonValueKind.Number when value.TryGetInt64(out var milliseconds) => TimeSpan.FromMilliseconds(milliseconds),
            _ => null,
        };
        if (parsed is { } result && result >= min)
        {
            return result;
        }

        problems.Add($"extensions.queues.{name} must be a time span like \"00:00:30\" of at least {min} (found {value.GetRawText()}).");
        return null;
    }

    private static bool IsJsonObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
