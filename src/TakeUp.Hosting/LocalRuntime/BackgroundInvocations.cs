using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// Invocations started by the admin endpoint, which answers before they finish. Shutdown cancels
/// them and waits for them, so none is cut off silently.
/// </summary>
internal sealed class BackgroundInvocations(ILogger<BackgroundInvocations> logger) : IHostedService
{
    // Never disposed: it has no timer or links to release, and the host may dispose services
    // before a second StopAsync (a test host stopping twice), which must not throw.
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Starts the invocation; false once the app is stopping.</summary>
    public bool TryStart(string functionName, Func<CancellationToken, Task<InvocationResult>> invoke)
    {
        lock (_running)
        {
            if (_stopping.IsCancellationRequested)
            {
                return false;
            }

            var task = Task.Run(() => RunAsync(functionName, invoke), CancellationToken.None);
            _running.Add(task);
            _ = task.ContinueWith(
                finished =>
                {
                    lock (_running)
                    {
                        _running.Remove(finished);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_running)
        {
            _stopping.Cancel();
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            HostingLog.AdminInvocationsAbandoned(logger, running.Count(task => !task.IsCompleted));
        }
    }

    private async Task RunAsync(string functionName, Func<CancellationToken, Task<InvocationResult>> invoke)
    {
        var result = await invoke(_stopping.Token);
        HostingLog.AdminInvocationFinished(logger, functionName, result.Succeeded, string.Join(" ", result.Logs));
    }
}
