using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TakeUp.LocalHost.Worker;

/// <summary>
/// A worker hosted in the caller's process (tests): the callback builds the app's worker host with
/// <see cref="WorkerLaunchContext.WorkerConfiguration"/> added to its configuration; this launcher
/// starts it and treats the host stopping as the worker exiting.
/// </summary>
/// <param name="buildWorker">Builds (not starts) the worker host for one launch.</param>
public sealed class InProcessWorkerLauncher(Func<WorkerLaunchContext, IHost> buildWorker) : IWorkerLauncher
{
    /// <inheritdoc />
    public async Task<IWorkerInstance> LaunchAsync(WorkerLaunchContext context, CancellationToken cancellationToken)
    {
        var host = buildWorker(context);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopped.Register(() => exited.TrySetResult());

        // WorkerTerminate makes the worker call StopApplication; in its own process Run() then stops
        // the host. Here nobody runs it, so stop it ourselves, as Run() would.
        lifetime.ApplicationStopping.Register(() => _ = Task.Run(() => host.StopAsync()));
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            // A start given up on (the host's start timeout) leaves nothing running behind it.
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await host.StopAsync(quick.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping took too long; disposing ends what is left.
            }

            host.Dispose();
            throw;
        }

        return new InProcessWorker(host, exited.Task);
    }

    private sealed class InProcessWorker(IHost host, Task exited) : IWorkerInstance
    {
        private int _disposed;

        public Task Exited => exited;

        /// <summary>The host that the test can reach into (for a crash test: stop it).</summary>
        public IHost Host => host;

        public async Task KillAsync()
        {
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            await host.StopAsync(cancelled.Token);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            if (!exited.IsCompleted)
            {
                await KillAsync();
            }

            host.Dispose();
        }
    }
}
