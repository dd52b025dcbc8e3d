using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace TakeUp.LocalHost.Queues;

/// <summary>
/// Keeps a running message invisible: renews its visibility at half the lease, as the host does,
/// so a long invocation is not delivered twice. Each renewal gives a new pop receipt.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        _messageId = message.MessageId;
        PopReceipt = message.PopReceipt;
        _lease = lease;
        _time = time;
        _logger = logger;
        _renewing = RenewAsync();
    }

    public string PopReceipt { get; private set; }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 2, _time, _stop.Token);
                var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: _lease, cancellationToken: _stop.Token);
                PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The invocation is over.
        }
        catch (RequestFailedException ex)
        {
            LocalHostLog.LeaseRenewalFailed(_logger, _messageId, _queue.Name, ex.Message);
        }
    }
}
