using System.Collections.Concurrent;

namespace TakeUp.LocalHost.Grpc;

/// <summary>
/// The workers the host has started and is waiting to hear from: each dials in with StartStream
/// carrying the worker id it was given; an id nobody expects is refused.
/// </summary>
internal sealed class WorkerConnections
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkerChannel>> _expected = new(StringComparer.Ordinal);

    public Task<WorkerChannel> Expect(string workerId)
    {
        var connected = new TaskCompletionSource<WorkerChannel>(TaskCreationOptions.RunContinuationsAsynchronously);
        _expected[workerId] = connected;
        return connected.Task;
    }

    public void Forget(string workerId) => _expected.TryRemove(workerId, out _);

    public bool TryConnect(WorkerChannel channel) =>
        _expected.TryRemove(channel.WorkerId, out var connected) && connected.TrySetResult(channel);
}
