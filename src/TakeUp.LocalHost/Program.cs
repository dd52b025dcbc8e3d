using TakeUp.LocalHost;
using TakeUp.LocalHost.CommandLine;
using TakeUp.LocalHost.Configuration;

// The command line of the local host: parse, build the app if needed, run until Ctrl+C / SIGTERM.
try
{
    var commandLine = LocalHostCommandLine.Parse(args);
    if (commandLine.Help)
    {
        Console.WriteLine(LocalHostCommandLine.Usage);
        return 0;
    }

    var repository = LocalHostCommandLine.RepositoryRoot();
    // With neither folder given, run this repository's function app.
    var project = commandLine.Project
        ?? (commandLine.ScriptRoot is null && repository is not null ? Path.Combine(repository, "src", "TakeUp.Functions") : null);
    var scriptRoot = commandLine.ScriptRoot
        ?? (project is null ? null : Path.Combine(project, "bin", "Debug", "net10.0"))
        ?? throw new LocalHostConfigurationException("Not in the repository, so there is no default app: pass --script-root <the app's build output> (or --project).");

    if (!commandLine.NoBuild && project is not null && Directory.Exists(project))
    {
        var exitCode = await LocalHostCommandLine.BuildIfStaleAsync(project, scriptRoot, CancellationToken.None);
        if (exitCode != 0)
        {
            Console.Error.WriteLine($"Building {project} failed (exit code {exitCode}); fix the errors above, or pass --no-build.");
            return exitCode;
        }
    }

    // Fail before starting anything when the app is not built, with the command that builds it.
    TakeUp.LocalHost.Configuration.FunctionAppFolder.ReadWorkerPath(scriptRoot, BuildHint(project));

    await using var host = await LocalFunctionsHost.StartAsync(new LocalFunctionsHostOptions
    {
        AppDirectory = scriptRoot,
        HttpPort = commandLine.Port,
        DataDirectory = commandLine.Data ?? Path.Combine(repository ?? Environment.CurrentDirectory, ".data"),
        BuildHint = BuildHint(project),
    });
    await host.RunUntilStoppedAsync();
    return 0;
}
catch (LocalHostConfigurationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static string? BuildHint(string? project) => project is null ? null : $"Build it with 'dotnet build {project}'.";
