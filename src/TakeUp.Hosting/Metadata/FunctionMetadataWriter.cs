using System.Text.Json;
using TakeUp.Hosting.Invocation;
using TakeUp.Hosting.Metadata;

namespace TakeUp.Hosting;

/// <summary>
/// Writes the files the Functions host reads at the app root: one folder per function holding
/// its function.json, and host.json. Run at publish time from the same catalog the app serves.
/// </summary>
public static class FunctionMetadataWriter
{
    public const string FunctionJsonFileName = "function.json";

    /// <summary>The connection setting every queue trigger uses.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    private static readonly JsonSerializerOptions Indented = new(HostingJsonContext.Default.Options) { WriteIndented = true };

    /// <summary>
    /// Writes every function's folder and copies host.json. Function folders left by an earlier
    /// write for functions that no longer exist are removed, because the host would still load them.
    /// </summary>
    public static void Write(FunctionCatalog catalog, string hostJsonPath, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(hostJsonPath);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        if (!File.Exists(hostJsonPath))
        {
            throw new FileNotFoundException($"host.json was not found at {hostJsonPath}; the Functions host cannot start without it.", hostJsonPath);
        }

        Directory.CreateDirectory(outputDirectory);
        RemoveStaleFunctions(catalog, outputDirectory);
        foreach (var function in catalog.Functions)
        {
            var folder = Path.Combine(outputDirectory, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, FunctionJsonFileName), CreateFunctionJson(function));
        }

        var hostJsonTarget = Path.Combine(outputDirectory, HostJson.FileName);
        if (!string.Equals(Path.GetFullPath(hostJsonPath), Path.GetFullPath(hostJsonTarget), StringComparison.Ordinal))
        {
            File.Copy(hostJsonPath, hostJsonTarget, overwrite: true);
        }
    }

    /// <summary>The function.json text for one function.</summary>
    public static string CreateFunctionJson(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        FunctionJsonBinding[] bindings = function.Trigger switch
        {
            HttpFunctionTrigger http =>
            [
                new FunctionJsonBinding
                {
                    AuthLevel = "anonymous",
                    Type = "httpTrigger",
                    Direction = "in",
                    Name = "req",

                    // No list means every method, as in the Functions host.
                    Methods = http.Methods.Count == 0 ? null : http.Methods.Select(m => m.ToLowerInvariant()).ToArray(),
                    Route = http.Route,
                },
                new FunctionJsonBinding { Type = "http", Direction = "out", Name = "res" },
            ],
            QueueFunctionTrigger queue =>
            [
                new FunctionJsonBinding
                {
                    Name = QueueTriggerPayload.BindingName,
                    Type = "queueTrigger",
                    Direction = "in",
                    QueueName = queue.QueueName,
                    Connection = queue.Connection,
                },
            ],
            TimerFunctionTrigger timer =>
            [
                new FunctionJsonBinding
                {
                    Name = TimerTriggerPayload.BindingName,
                    Type = "timerTrigger",
                    Direction = "in",
                    Schedule = timer.Schedule,
                    UseMonitor = true,
                },
            ],
            _ => throw new ArgumentException($"Function '{function.Name}' has a trigger this host cannot describe: {function.Trigger}.", nameof(function)),
        };

        return JsonSerializer.Serialize(new FunctionJson(bindings), Indented.GetTypeInfo(typeof(FunctionJson)));
    }

    private static void RemoveStaleFunctions(FunctionCatalog catalog, string outputDirectory)
    {
        var current = catalog.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(outputDirectory))
        {
            if (File.Exists(Path.Combine(folder, FunctionJsonFileName)) && !current.Contains(Path.GetFileName(folder)))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
