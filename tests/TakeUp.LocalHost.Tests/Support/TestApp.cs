using System.Text.Json;
using System.Text.Json.Nodes;
using TakeUp.LocalHost.SampleApp;

namespace TakeUp.LocalHost.Tests.Support;

/// <summary>A fresh app folder per test: the sample's host.json (changed as the test needs) and local.settings.json.</summary>
internal sealed class TestApp : IDisposable
{
    private TestApp(string directory) => Directory = directory;

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, ".data");

    /// <summary>The sample app's own build output (worker.config.json and all), for child-process tests.</summary>
    public static string SampleOutput
    {
        get
        {
            var root = AzuriteFixture.RepositoryRoot;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(root, "tests", "TakeUp.LocalHost.SampleApp", "bin", configuration, "net10.0");
        }
    }

    public static TestApp Create(Action<JsonObject>? changeHostJson = null, IDictionary<string, string>? values = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "takeup-localhost-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!.AsObject();
        changeHostJson?.Invoke(hostJson);
        File.WriteAllText(Path.Combine(directory, "host.json"), hostJson.ToJsonString());

        // The worker loads each function's assembly from the app folder (FUNCTIONS_APPLICATION_DIRECTORY).
        var assembly = typeof(SampleAppHost).Assembly.Location;
        File.Copy(assembly, Path.Combine(directory, Path.GetFileName(assembly)));
        var settings = new JsonObject
        {
            ["IsEncrypted"] = false,
            ["Values"] = new JsonObject((values ?? new Dictionary<string, string>()).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))),
        };
        File.WriteAllText(Path.Combine(directory, "local.settings.json"), settings.ToJsonString());
        return new TestApp(directory);
    }

    public static InvocationRecord[] ReadRecords(string directory, string function) =>
        !System.IO.Directory.Exists(directory)
            ? []
            : System.IO.Directory.GetFiles(directory, function + "-*.json")
                .Select(path => JsonSerializer.Deserialize<InvocationRecord>(File.ReadAllText(path))!)
                .ToArray();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temp folder is cleaned eventually.
        }
    }
}
