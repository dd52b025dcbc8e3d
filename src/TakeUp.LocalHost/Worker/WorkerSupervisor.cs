using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Configuration;
using TakeUp.LocalHost.Functions;
using TakeUp.LocalHost.Grpc;
using TakeUp.LocalHost.Grpc.Protocol;

namespace TakeUp.LocalHost.Worker;

/// <summary>
/// Keeps one worker running: launches it, does the handshake (WorkerInit, FunctionsMetadata,
/// FunctionLoad), publishes it as ready, restarts it when it dies, and on shutdown asks it to
/// terminate before killing it.
/// </summary>
internal sealed class WorkerSupervisor(
    IWorkerLauncher launcher,
    WorkerConnections connections,
    WorkerSession session,
    LocalHostRuntime runtime,
    ILogger<WorkerSupervisor> logger) : BackgroundService, IHostedLifecycleService
{
    private const string HostVersion = "4.1000.0.0";

    // Starting, restarting and stopping the worker run on real time, even when the triggers run on
    // a test's fake clock: a restart must not wait for a clock that nobody moves on.
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly TimeSpan FirstRestartDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRestartDelay = TimeSpan.FromSeconds(30);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Terminates the worker in the stopping phase, after the triggers have drained (they stop
    /// first) and before ASP.NET Core stops its server, which waits for the worker's stream to end.
    /// </summary>
    public Task StoppingAsync(CancellationToken cancellationToken) => base.StopAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRestartDelay;
        var generation = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            generation++;
            var workerId = Guid.NewGuid().ToString();
            string reason;
            try
            {
                var ranWell = await RunOneWorkerAsync(workerId, generation, stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                reason = "the worker exited or its stream ended";

                // Ctrl+C in a terminal reaches the worker too; if the host is stopping, that was no crash.
                await Task.Delay(TimeSpan.FromMilliseconds(500), Clock, stoppingToken);
                if (ranWell)
                {
                    delay = FirstRestartDelay;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (LocalHostConfigurationException ex)
            {
                reason = ex.Message;
            }
            catch (WorkerStartException ex)
            {
                reason = ex.Message;
            }
            catch (WorkerGoneException ex)
            {
                reason = ex.Message;
            }

            LocalHostLog.WorkerCrashed(logger, workerId, reason, delay);
            try
            {
                await Task.Delay(delay, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRestartDelay.Ticks));
        }
    }

    /// <returns>True when the worker became ready before it went away.</returns>
    private async Task<bool> RunOneWorkerAsync(string workerId, int generation, CancellationToken stoppingToken)
    {
        var connected = connections.Expect(workerId);
        var context = new WorkerLaunchContext(
            runtime.GrpcEndpoint,
            workerId,
            Guid.NewGuid().ToString(),
            LocalHostRuntime.GrpcMaxMessageLength,
            runtime.App.Directory,
            WorkerEnvironment());

        IWorkerInstance? instance = null;
        ReadyWorker? ready = null;
        var starting = Clock.GetTimestamp();
        try
        {
            // The whole start is bounded, launch included: a worker hosted in-process connects
            // while it starts, and a start that stalls must end in a restart, as the Functions
            // host restarts a worker that does not initialise in time.
            using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            startTimeout.CancelAfter(runtime.Options.WorkerStartTimeout);
            try
            {
                instance = await launcher.LaunchAsync(context, startTimeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                throw new WorkerStartException($"the worker did not start within {runtime.Options.WorkerStartTimeout}");
            }

            var first = await Task.WhenAny(connected, instance.Exited, Task.Delay(Timeout.Infinite, startTimeout.Token));
            stoppingToken.ThrowIfCancellationRequested();
            if (first != connected)
            {
                throw new WorkerStartException(first == instance.Exited
                    ? "the worker exited before it connected (see its output above)"
                    : $"the worker did not connect within {runtime.Options.WorkerStartTimeout}");
            }

            var channel = await connected;
            using (var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                handshakeTimeout.CancelAfter(runtime.Options.WorkerStartTimeout);
                try
                {
                    ready = await HandshakeAsync(channel, generation, handshakeTimeout.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    throw new WorkerStartException($"the worker did not answer the handshake (init, metadata, load) within {runtime.Options.WorkerStartTimeout}");
                }
            }

            if (ready.HttpUri is { } httpUri && runtime.Options.WorkerHttpHandler is null)
            {
                await WaitUntilListeningAsync(httpUri, stoppingToken);
            }

            ready = ready with { ProcessId = instance.ProcessId, StartedToReady = Clock.GetElapsedTime(starting) };
            session.Ready(ready);
            LocalHostLog.WorkerReady(logger, workerId, ready.StartedToReady.TotalMilliseconds, ready.Functions.Count, string.Join(", ", ready.Functions.Select(f => f.Name)));

            await Task.WhenAny(channel.Closed, instance.Exited, Task.Delay(Timeout.Infinite, stoppingToken));
            if (stoppingToken.IsCancellationRequested)
            {
                session.Gone(ready);
                await TerminateAsync(workerId, channel, instance);
            }

            return true;
        }
        finally
        {
            connections.Forget(workerId);
            if (ready is not null)
            {
                session.Gone(ready);
            }

            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private async Task<ReadyWorker> HandshakeAsync(WorkerChannel channel, int generation, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = runtime.App.Directory,
            FunctionAppDirectory = runtime.App.Directory,
        };
        var initResponse = (await channel.RequestAsync(WorkerChannel.InitKey, new StreamingMessage { RequestId = Guid.NewGuid().ToString(), WorkerInitRequest = init }, cancellationToken)).WorkerInitResponse;
        EnsureSuccess(initResponse.Result, "WorkerInitRequest");
        Uri? httpUri = initResponse.Capabilities.TryGetValue("HttpUri", out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;

        var metadataResponse = (await channel.RequestAsync(
            WorkerChannel.MetadataKey,
            new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = runtime.App.Directory } },
            cancellationToken)).FunctionMetadataResponse;
        EnsureSuccess(metadataResponse.Result, "FunctionsMetadataRequest");
        if (metadataResponse.UseDefaultMetadataIndexing)
        {
            throw new WorkerStartException("the worker asks the host to index functions from functions.metadata; the local host supports worker indexing only (the .NET isolated worker's default)");
        }

        var loads = metadataResponse.FunctionMetadataResults.Select(async metadata =>
        {
            var request = new FunctionLoadRequest { FunctionId = metadata.FunctionId, Metadata = metadata };
            var response = (await channel.RequestAsync(
                WorkerChannel.LoadKey(metadata.FunctionId),
                new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionLoadRequest = request },
                cancellationToken)).FunctionLoadResponse;
            if (response.Result?.Status != StatusResult.Types.Status.Success)
            {
                LocalHostLog.FunctionLoadFailed(logger, metadata.Name, Describe(response.Result));
                return null;
            }

            return new LocalFunction(metadata);
        });
        var functions = (await Task.WhenAll(loads)).OfType<LocalFunction>().ToArray();
        return new ReadyWorker(channel, functions, httpUri, generation);
    }

    /// <summary>
    /// The worker answers gRPC before its own Kestrel listens (its web host starts last), so HTTP
    /// is published only once the worker's HttpUri accepts connections.
    /// </summary>
    private async Task WaitUntilListeningAsync(Uri httpUri, CancellationToken cancellationToken)
    {
        var deadline = Clock.GetUtcNow() + runtime.Options.WorkerStartTimeout;
        while (Clock.GetUtcNow() < deadline)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(httpUri.Host, httpUri.Port, cancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), Clock, cancellationToken);
            }
        }

        throw new WorkerStartException($"the worker's own HTTP server ({httpUri}) did not start listening within {runtime.Options.WorkerStartTimeout}");
    }

    private async Task TerminateAsync(string workerId, WorkerChannel channel, IWorkerInstance instance)
    {
        LocalHostLog.StoppingWorker(logger, workerId);
        var timeout = runtime.Options.WorkerStopTimeout;
        try
        {
            channel.Send(new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(timeout) },
            });
        }
        catch (WorkerGoneException)
        {
            // Its stream is gone already; it is exiting or has exited.
        }

        try
        {
            await instance.Exited.WaitAsync(timeout, Clock);
        }
        catch (TimeoutException)
        {
            LocalHostLog.KillingWorker(logger, workerId, timeout);
            await instance.KillAsync();
        }
        finally
        {
            channel.Hangup();
        }
    }

    private Dictionary<string, string> WorkerEnvironment()
    {
        var environment = new Dictionary<string, string>(runtime.Settings.Values, StringComparer.OrdinalIgnoreCase)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = runtime.App.Directory,
            ["FUNCTIONS_WORKER_DIRECTORY"] = runtime.App.Directory,
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
        };
        return environment;
    }

    private static void EnsureSuccess(StatusResult? result, string step)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            throw new WorkerStartException($"the worker failed {step}: {Describe(result)}");
        }
    }

    private static string Describe(StatusResult? result) =>
        result?.Exception is { } ex ? $"{ex.Type}: {ex.Message}" : result?.Result is { Length: > 0 } text ? text : "no reason given";
}

/// <summary>The worker could not be started or did not complete its handshake.</summary>
internal sealed class WorkerStartException(string message) : Exception(message);
