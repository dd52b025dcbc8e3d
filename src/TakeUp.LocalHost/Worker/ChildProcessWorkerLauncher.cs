using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Configuration;

namespace TakeUp.LocalHost.Worker;

/// <summary>
/// Starts the worker as the Functions host does: <c>dotnet {defaultWorkerPath}</c> from the app's
/// <c>worker.config.json</c>, in the app folder, with the host's switches and environment.
/// </summary>
public sealed class ChildProcessWorkerLauncher(ILogger<ChildProcessWorkerLauncher> logger) : IWorkerLauncher
{
    /// <summary>A sentence added to "the app is not built" that names the command which builds it.</summary>
    public string? BuildHint { get; init; }

    /// <inheritdoc />
    public Task<IWorkerInstance> LaunchAsync(WorkerLaunchContext context, CancellationToken cancellationToken)
    {
        var workerPath = FunctionAppFolder.ReadWorkerPath(context.AppDirectory, BuildHint);
        LocalHostLog.StartingWorker(logger, workerPath, context.WorkerId);

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = context.AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(workerPath);
        foreach (var argument in context.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in context.Environment)
        {
            startInfo.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LocalHostConfigurationException($"Could not run 'dotnet' to start the worker: {ex.Message}", ex);
        }

        // The worker's own console output (its logs reach us over gRPC as RpcLog too).
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) LocalHostLog.WorkerOutput(logger, context.WorkerId, line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) LocalHostLog.WorkerOutput(logger, context.WorkerId, line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult<IWorkerInstance>(new ChildWorker(process));
    }

    private sealed class ChildWorker(Process process) : IWorkerInstance
    {
        public int? ProcessId => process.Id;

        public Task Exited { get; } = process.WaitForExitAsync();

        public Task KillAsync()
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It has exited already.
            }

            return Exited;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                await KillAsync();
            }

            process.Dispose();
        }
    }
}
