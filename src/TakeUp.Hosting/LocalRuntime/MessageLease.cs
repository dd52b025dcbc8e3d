using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// Keeps a message invisible while its function runs by extending its visibility at half the
/// lease, as the Functions host does, and tracks the pop receipt each renewal returns.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly ITriggerQueue _queue;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _functionName;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private TriggerMessage _current;

    public MessageLease(
        ITriggerQueue queue, TriggerMessage message, TimeSpan lease, TimeProvider time, ILogger logger, string functionName,
        CancellationToken stoppingToken)
    {
        _queue = queue;
        _current = message;
        _lease = lease;
        _time = time;
        _logger = logger;
        _functionName = functionName;
        _renewals = RenewAsync(stoppingToken);
    }

    /// <summary>Stops renewing, after any renewal in flight, and returns the message with its latest pop receipt.</summary>
    public async Task<TriggerMessage> ReleaseAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        return _current;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await ReleaseAsync();
        }

        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken stoppingToken)
    {
        // Only the wait listens to the release; a renewal already sent is allowed to finish so
        // its new pop receipt is not lost, or the delete that follows would be refused.
        using var waitToken = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, stoppingToken);
        while (true)
        {
            try
            {
                await Task.Delay(_lease / 2, _time, waitToken.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                _current = await _queue.UpdateVisibilityAsync(_current, _lease, stoppingToken);
                HostingLog.LeaseRenewed(_logger, _functionName, _current.Id, _lease);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The adapter's storage errors are its own types. Without a lease the message can
                // be delivered again while this run continues, which at-least-once handlers tolerate.
                HostingLog.LeaseRenewalFailed(_logger, ex, _functionName, _current.Id);
                return;
            }
        }
    }
}
