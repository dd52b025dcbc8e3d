using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Configuration;
using TakeUp.LocalHost.Functions;
using TakeUp.LocalHost.Grpc.Protocol;

namespace TakeUp.LocalHost.Queues;

/// <summary>
/// Drives one queue-triggered function with the Storage Queues extension's semantics: batches of
/// <c>batchSize</c>, a new batch once no more than <c>newBatchThreshold</c> are running, polling that
/// backs off to <c>maxPollingInterval</c> while the queue is empty, a lease that keeps a running message
/// invisible, <c>visibilityTimeout</c> before a failed message is retried, and after
/// <c>maxDequeueCount</c> failures the original message in <c>{queue}-poison</c>.
/// </summary>
internal sealed class QueueListener(
    LocalFunction function,
    QueueClient queue,
    QueueClient poisonQueue,
    QueueSettings settings,
    FunctionInvoker invoker,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The shortest wait between polls; doubled after each empty poll up to maxPollingInterval.</summary>
    public static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly HashSet<Task> _running = [];

    public string QueueName => queue.Name;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var delay = MinimumPollingInterval;
        var created = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task[] running;
                lock (_running)
                {
                    running = [.. _running];
                }

                if (running.Length > settings.EffectiveNewBatchThreshold)
                {
                    await Task.WhenAny(running).WaitAsync(stoppingToken);
                    continue;
                }

                QueueMessage[] messages;
                try
                {
                    if (!created)
                    {
                        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        created = true;
                    }

                    messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, settings.Lease, stoppingToken)).Value;
                }
                catch (RequestFailedException ex)
                {
                    // An outage is not an empty queue: say so, and keep trying as the host does.
                    created = created && ex.Status != 404;
                    delay = Longer(delay);
                    LocalHostLog.QueuePollFailed(logger, queue.Name, ex.Message, delay);
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }
                catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException))
                {
                    // Azure.Core's retries gave up (storage unreachable).
                    delay = Longer(delay);
                    LocalHostLog.QueuePollFailed(logger, queue.Name, ex.InnerExceptions[^1].Message, delay);
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }

                if (messages.Length == 0)
                {
                    delay = Longer(delay);
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }

                delay = MinimumPollingInterval;
                foreach (var message in messages)
                {
                    var task = ProcessAsync(message, stoppingToken);
                    lock (_running)
                    {
                        _running.Add(task);
                    }

                    _ = task.ContinueWith(t => { lock (_running) { _running.Remove(t); } }, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Task[] running;
            lock (_running)
            {
                running = [.. _running];
            }

            // Messages already running finish (or fail and become visible again) before we stop.
            await Task.WhenAll(running);
        }
    }

    private TimeSpan Longer(TimeSpan delay) =>
        TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        await using var lease = new MessageLease(queue, message, settings.Lease, time, logger);
        var text = message.Body.ToString();
        InvocationOutcome outcome;
        try
        {
            outcome = await invoker.InvokeAsync(function.Name, new TypedData { String = text }, TriggerMetadata(message, text), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Never invoked: leave it to become visible when its lease runs out.
            return;
        }

        await lease.StopAsync();
        try
        {
            if (outcome.Succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
                await poisonQueue.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
                LocalHostLog.MessagePoisoned(logger, message.MessageId, queue.Name, message.DequeueCount, poisonQueue.Name);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // The message is gone or its lease was lost (pop receipt no longer matches): another
            // delivery will follow, as at-least-once delivery allows.
            LocalHostLog.LeaseRenewalFailed(logger, message.MessageId, queue.Name, ex.Message);
        }
    }

    /// <summary>The trigger metadata the host gives a queue invocation (bindable as parameters).</summary>
    internal static Dictionary<string, TypedData> TriggerMetadata(QueueMessage message, string text) => new(StringComparer.Ordinal)
    {
        ["QueueTrigger"] = new TypedData { String = text },
        ["Id"] = new TypedData { String = message.MessageId },
        ["PopReceipt"] = new TypedData { String = message.PopReceipt },
        ["DequeueCount"] = new TypedData { Json = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["InsertionTime"] = Json(message.InsertedOn),
        ["ExpirationTime"] = Json(message.ExpiresOn),
        ["NextVisibleTime"] = Json(message.NextVisibleOn),
    };

    private static TypedData Json(DateTimeOffset? value) => new() { Json = JsonSerializer.Serialize(value) };
}
