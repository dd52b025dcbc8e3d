using System.Text.Json;
using TakeUp.Domain.Services;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// Puts alert events on the <c>alerts</c> queue after they are stored, and marks them queued. An
/// event stored but not queued (a crash between) is found and queued on the next call.
/// </summary>
public sealed class AlertOutbox(AlertStore alerts, StorageAccount storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> FlushAsync(ServiceId service, CancellationToken cancellationToken)
    {
        var pending = await alerts.UnqueuedEventsAsync(service, cancellationToken);
        var queue = storage.Queue(QueueNames.Alerts);
        foreach (var message in pending)
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(message, Json), null, null, cancellationToken);
            await alerts.MarkQueuedAsync(service, message.AlertId!, message.Event!, cancellationToken);
        }

        return pending.Count;
    }
}
