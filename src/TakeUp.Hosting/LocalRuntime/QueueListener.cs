using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// Polls one queue for one function with the Functions host's semantics: batches received under
/// a lease renewed while each message runs, success deletes, failure retries after the
/// visibility timeout, and the last allowed failure moves the original text to <c>{queue}-poison</c>.
/// A batch's messages run concurrently.
/// </summary>
internal sealed class QueueListener(
    string functionName,
    ITriggerQueue queue,
    ITriggerQueue poisonQueue,
    IFunctionInvoker invoker,
    LocalRuntimeOptions options,
    TimeProvider time,
    ILogger logger)
{
    // How long settling a finished message may take once the app is stopping.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var backoff = new PollingBackoff(options.MinPollingInterval, options.MaxPollingInterval, Random.Shared);
        var inFlight = new List<Task>();

        // As the host's newBatchThreshold: fetch more once half a batch is left running, so one
        // slow message does not hold up the rest, while at most 1.5 batches run at once.
        var newBatchThreshold = options.BatchSize / 2;
        var queuesReady = false;
        HostingLog.QueueListenerStarted(logger, functionName, queue.Name, options.BatchSize, options.MaxDequeueCount);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!queuesReady)
                {
                    await queue.CreateIfNotExistsAsync(stoppingToken);
                    await poisonQueue.CreateIfNotExistsAsync(stoppingToken);
                    queuesReady = true;
                }

                inFlight.RemoveAll(task => task.IsCompleted);
                while (inFlight.Count > newBatchThreshold)
                {
                    inFlight.Remove(await Task.WhenAny(inFlight));
                }

                var messages = await queue.ReceiveAsync(options.BatchSize, options.MessageLease, stoppingToken);
                if (messages.Count == 0)
                {
                    await Task.Delay(backoff.Next(), time, stoppingToken);
                    continue;
                }

                backoff.Reset();
                inFlight.AddRange(messages.Select(message => Task.Run(() => ProcessAsync(message, stoppingToken), CancellationToken.None)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A storage outage (the adapter's own exception types) must not stop the app:
                // log it and poll again after the back-off, as the Functions host does.
                var delay = backoff.Next();
                HostingLog.QueuePollFailed(logger, ex, functionName, queue.Name, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        // Messages already taken are settled (or released) before the listener reports stopped.
        await Task.WhenAll(inFlight);
        HostingLog.QueueListenerStopped(logger, functionName, queue.Name);
    }

    private async Task ProcessAsync(TriggerMessage message, CancellationToken stoppingToken)
    {
        InvocationResult result;
        TriggerMessage current;
        await using (var lease = new MessageLease(queue, message, options.MessageLease, time, logger, functionName, stoppingToken))
        {
            result = await invoker.InvokeAsync(functionName, InvocationRequest.ForQueueMessage(message), stoppingToken);
            current = await lease.ReleaseAsync();
        }

        using var settle = new CancellationTokenSource(SettleTimeout, time);
        try
        {
            if (result.Succeeded)
            {
                await queue.DeleteAsync(current, settle.Token);
            }
            else if (stoppingToken.IsCancellationRequested)
            {
                // Cut short by shutdown, not failed: make it visible again for the next start.
                await queue.UpdateVisibilityAsync(current, TimeSpan.Zero, settle.Token);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await poisonQueue.SendAsync(message.Text, settle.Token);
                await queue.DeleteAsync(current, settle.Token);
                HostingLog.MessagePoisoned(logger, functionName, message.Id, message.DequeueCount, poisonQueue.Name);
            }
            else
            {
                await queue.UpdateVisibilityAsync(current, options.VisibilityTimeout, settle.Token);
                HostingLog.MessageWillRetry(logger, functionName, message.Id, message.DequeueCount, options.MaxDequeueCount, options.VisibilityTimeout);
            }
        }
        catch (Exception ex)
        {
            // The message reappears when its lease runs out and is handled again: at-least-once.
            HostingLog.MessageSettlementFailed(logger, ex, functionName, message.Id);
        }
    }
}
