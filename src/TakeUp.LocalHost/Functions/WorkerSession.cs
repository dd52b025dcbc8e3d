using TakeUp.LocalHost.Grpc;

namespace TakeUp.LocalHost.Functions;

/// <summary>The worker that is ready now, with the functions it loaded; replaced on each (re)start.</summary>
internal sealed record ReadyWorker(WorkerChannel Channel, IReadOnlyList<LocalFunction> Functions, Uri? HttpUri, int Generation)
{
    /// <summary>The worker's own process, if it has one.</summary>
    public int? ProcessId { get; init; }

    /// <summary>From the host deciding to start it to its functions loaded (and, for a child process, its HTTP server listening).</summary>
    public TimeSpan StartedToReady { get; init; }

    public LocalFunction? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Where invokers wait for a ready worker and triggers learn that the function set changed. While a
/// worker restarts, invocations wait here rather than fail, as they would queue in the real host.
/// </summary>
internal sealed class WorkerSession
{
    private readonly Lock _lock = new();
    private TaskCompletionSource<ReadyWorker> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised with each worker that becomes ready (the function set may have changed).</summary>
    public event Action<ReadyWorker>? WorkerReady;

    public ReadyWorker? Current { get; private set; }

    public Task<ReadyWorker> WhenReadyAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    public void Ready(ReadyWorker worker)
    {
        lock (_lock)
        {
            Current = worker;
        }

        // Routes and listeners first: whoever waits for a ready worker may call it at once.
        WorkerReady?.Invoke(worker);
        lock (_lock)
        {
            if (ReferenceEquals(Current, worker) && !_ready.TrySetResult(worker))
            {
                _ready = new TaskCompletionSource<ReadyWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
                _ready.SetResult(worker);
            }
        }
    }

    public void Gone(ReadyWorker worker)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(Current, worker))
            {
                return;
            }

            Current = null;
            _ready = new TaskCompletionSource<ReadyWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
