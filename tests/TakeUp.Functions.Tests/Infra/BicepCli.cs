using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>
/// The Bicep CLI that NuGet restores for this project (Azure.Bicep.CommandLine.linux-x64), run
/// against the repository's infra/. It works offline: the template uses no registry module.
/// </summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> Executable = new(Locate);

    public static string InfraFolder { get; } = Path.Combine(RepositoryFolders.Root, "infra");

    public static string MainTemplate { get; } = Path.Combine(InfraFolder, "main.bicep");

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in {Timeout}.");
        }

        return new BicepRun(process.ExitCode, await output, await errors);
    }

    /// <summary>The path the package's build props give (BicepPath), which the test project writes into this assembly.</summary>
    private static string Locate()
    {
        var configured = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "BicepPath is empty: the Azure.Bicep.CommandLine.linux-x64 package was not restored for TakeUp.Functions.Tests (run dotnet restore).");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Bicep CLI package this project restores is the linux-x64 one.");
        }

        // The package's props join the folder with a backslash, which Linux keeps as a character.
        var path = Path.GetFullPath(configured.Replace('\\', '/'));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {path}; restore the test project (the package ships only a linux-x64 binary).", path);
        }

        // NuGet extracts what the package holds; the executable bit is not always among it.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:]+): (?<message>.*)$", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticLine();
}

internal sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Every diagnostic Bicep printed, as it printed it.</summary>
    public IReadOnlyList<string> Diagnostics =>
        BicepCli.DiagnosticLine().Matches(Errors + "\n" + Output).Select(m => m.Value.Trim()).Distinct().ToList();

    /// <summary>Warnings and errors: what the template must have none of.</summary>
    public IReadOnlyList<string> Problems =>
        BicepCli.DiagnosticLine().Matches(Errors + "\n" + Output)
            .Where(m => m.Groups["level"].Value is "Error" or "Warning")
            .Select(m => m.Value.Trim()).Distinct().ToList();

    public string Describe() => $"exit code {ExitCode}\n{Errors}";
}
