namespace TakeUp.LocalHost.Worker;

/// <summary>
/// Where the worker comes from. The default, <see cref="ChildProcessWorkerLauncher"/>, runs the app's
/// build output as the Functions host does; a test supplies <see cref="InProcessWorkerLauncher"/> (or
/// its own) to host the worker in the test process. Either way the worker dials
/// <see cref="WorkerLaunchContext.HostEndpoint"/> and identifies itself with
/// <see cref="WorkerLaunchContext.WorkerId"/>.
/// </summary>
public interface IWorkerLauncher
{
    /// <summary>Starts one worker; the local host calls it again, with a new worker id, after a crash.</summary>
    Task<IWorkerInstance> LaunchAsync(WorkerLaunchContext context, CancellationToken cancellationToken);
}

/// <summary>One started worker, as the local host supervises it.</summary>
public interface IWorkerInstance : IAsyncDisposable
{
    /// <summary>Completes when the worker has gone, whether it exited, crashed or was stopped.</summary>
    Task Exited { get; }

    /// <summary>Ends the worker at once; used only when it did not exit after WorkerTerminate.</summary>
    Task KillAsync();

    /// <summary>The worker's process, when it has one of its own (null for a worker hosted in the caller's process).</summary>
    int? ProcessId => null;
}

/// <summary>What a worker needs to connect to this host, as the Functions host passes it.</summary>
/// <param name="HostEndpoint">The host's gRPC address (<c>--functions-uri</c>, <c>Functions:Worker:HostEndpoint</c>).</param>
/// <param name="WorkerId">The worker's id (<c>--functions-worker-id</c>); it sends it back in StartStream.</param>
/// <param name="RequestId">The request id (<c>--functions-request-id</c>).</param>
/// <param name="GrpcMaxMessageLength">The largest gRPC message either side may send.</param>
/// <param name="AppDirectory">The app's folder (<c>FUNCTIONS_APPLICATION_DIRECTORY</c>).</param>
/// <param name="Environment">The environment the host gives the worker: the app settings and the FUNCTIONS_* variables.</param>
public sealed record WorkerLaunchContext(
    Uri HostEndpoint,
    string WorkerId,
    string RequestId,
    int GrpcMaxMessageLength,
    string AppDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// The worker's configuration keys that the host's command-line switches map to, for a worker
    /// hosted in-process (which reads the test runner's command line, not ours).
    /// </summary>
    public IReadOnlyDictionary<string, string?> WorkerConfiguration => new Dictionary<string, string?>
    {
        ["Functions:Worker:HostEndpoint"] = HostEndpoint.AbsoluteUri,
        ["Functions:Worker:WorkerId"] = WorkerId,
        ["Functions:Worker:RequestId"] = RequestId,
        ["Functions:Worker:GrpcMaxMessageLength"] = GrpcMaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The command-line arguments the Functions host starts a worker with.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        "--functions-uri", HostEndpoint.AbsoluteUri,
        "--functions-worker-id", WorkerId,
        "--functions-request-id", RequestId,
        "--functions-grpc-max-message-length", GrpcMaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}
