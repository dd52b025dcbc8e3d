using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using TakeUp.LocalHost.Configuration;

namespace TakeUp.LocalHost.CommandLine;

/// <summary>
/// The command line of <c>dotnet run --project src/TakeUp.LocalHost</c>, bound from the
/// <c>LocalHost</c> configuration section (switches, or LocalHost__* environment variables).
/// </summary>
internal sealed class LocalHostCommandLine
{
    public const string Section = "LocalHost";

    /// <summary>The app's build output; default: this repository's src/TakeUp.Functions.</summary>
    public string? ScriptRoot { get; set; }

    /// <summary>The app's project folder, built first when its output is missing or older than its sources.</summary>
    public string? Project { get; set; }

    public int? Port { get; set; }

    public string? Data { get; set; }

    public bool NoBuild { get; set; }

    public bool Help { get; set; }

    public static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--script-root"] = $"{Section}:{nameof(ScriptRoot)}",
        ["--project"] = $"{Section}:{nameof(Project)}",
        ["--port"] = $"{Section}:{nameof(Port)}",
        ["-p"] = $"{Section}:{nameof(Port)}",
        ["--data"] = $"{Section}:{nameof(Data)}",
    };

    public const string Usage = """
        TakeUp.LocalHost: a local Azure Functions host (what 'func start' does) for machines without Core Tools.
        It runs a .NET isolated-worker function app: starts its worker, serves its HTTP functions,
        polls its queues, fires its timers, and starts Azurite when the app uses development storage.

        Usage: dotnet run --project src/TakeUp.LocalHost [-- options]

          --project <folder>      The app's project folder. It is built first (dotnet build) when its
                                  output is missing or older than its sources.
                                  Default: src/TakeUp.Functions of this repository.
          --script-root <folder>  The app's build output (worker.config.json, host.json,
                                  local.settings.json). Default: <project>/bin/Debug/net10.0.
          --port, -p <port>       HTTP port. Default: local.settings.json Host.LocalHttpPort, else 7071.
          --data <folder>         Where the host keeps its state: host-keys.json (the master key for
                                  /admin), timers/ (schedule monitor), azurite/ (emulator data).
                                  Default: .data in the repository (or the current folder).
          --no-build              Do not build the app first.
          --help, -h              Show this text.

        The admin API: POST /admin/functions/{name} with {"input":"..."} and the master key in the
        x-functions-key header runs a queue or timer function now.
        """;

    public static LocalHostCommandLine Parse(string[] args)
    {
        var flags = args.Where(a => a is "--no-build" or "--help" or "-h").ToHashSet(StringComparer.Ordinal);
        var rest = args.Where(a => !flags.Contains(a)).ToArray();
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .AddCommandLine(rest, Switches)
                .Build();
        }
        catch (FormatException ex)
        {
            throw new LocalHostConfigurationException($"{ex.Message} Run with --help to see the options.", ex);
        }

        var section = configuration.GetSection(Section);
        var unknown = section.GetChildren().Select(c => c.Key)
            .Where(k => typeof(LocalHostCommandLine).GetProperty(k) is null).ToArray();
        if (unknown.Length > 0)
        {
            throw new LocalHostConfigurationException($"Unknown option(s) {string.Join(", ", unknown)}. Run with --help to see the options.");
        }

        LocalHostCommandLine parsed;
        try
        {
            parsed = section.Get<LocalHostCommandLine>() ?? new LocalHostCommandLine();
        }
        catch (InvalidOperationException ex)
        {
            throw new LocalHostConfigurationException($"--port must be a number from 0 to 65535 ({ex.Message}).", ex);
        }

        parsed.NoBuild |= flags.Contains("--no-build");
        parsed.Help |= flags.Contains("--help") || flags.Contains("-h");
        return parsed;
    }

    /// <summary>The repository root: the nearest folder above the current one holding Serverless.sln.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Builds the app as a child process (dotnet build) when its output is missing or stale. A child
    /// build keeps this host free of any build-time link to the app it runs.
    /// </summary>
    public static async Task<int> BuildIfStaleAsync(string projectFolder, string scriptRoot, CancellationToken cancellationToken)
    {
        var workerConfig = Path.Combine(scriptRoot, FunctionAppFolder.WorkerConfigFileName);
        if (File.Exists(workerConfig) && !IsStale(projectFolder, File.GetLastWriteTimeUtc(workerConfig)))
        {
            return 0;
        }

        Console.WriteLine($"Building {projectFolder} (its output is missing or older than its sources)...");
        var build = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        build.ArgumentList.Add("build");
        build.ArgumentList.Add(projectFolder);
        build.ArgumentList.Add("--nologo");
        using var process = Process.Start(build) ?? throw new LocalHostConfigurationException("Could not run 'dotnet build'.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    private static bool IsStale(string projectFolder, DateTime builtAt)
    {
        static bool Skip(string path) =>
            path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

        return Directory.EnumerateFiles(projectFolder, "*", SearchOption.AllDirectories)
            .Where(path => !Skip(path) && Path.GetExtension(path) is ".cs" or ".csproj" or ".json" or ".razor" or ".cshtml")
            .Any(path => File.GetLastWriteTimeUtc(path) > builtAt);
    }
}
