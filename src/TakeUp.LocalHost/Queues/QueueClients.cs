using System.Collections.Concurrent;
using Azure.Storage.Queues;
using TakeUp.LocalHost.Configuration;

namespace TakeUp.LocalHost.Queues;

/// <summary>
/// Queue clients built once per (connection, queue) from the app settings. Azurite refuses the SDK's
/// newest service version, so a version it knows is pinned; messages are base64 unless host.json
/// says <c>messageEncoding: none</c>, as the Functions host has it.
/// </summary>
internal sealed class QueueClients(AppSettings settings, HostJsonSettings hostJson)
{
    private readonly ConcurrentDictionary<(string Connection, string Queue), QueueClient> _clients = new();

    public QueueClient For(string queueNameOrExpression, string? connectionName)
    {
        var queueName = settings.Resolve(queueNameOrExpression).ToLowerInvariant();
        var connection = settings.StorageConnectionString(connectionName);
        return _clients.GetOrAdd((connection, queueName), key => new QueueClient(key.Connection, key.Queue, Options()));
    }

    private QueueClientOptions Options()
    {
        var options = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05)
        {
            MessageEncoding = hostJson.Queues.Base64Encoding ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None,
        };
        options.MessageDecodingFailed += UndecodableMessages.MoveToPoisonAsync;
        return options;
    }
}
