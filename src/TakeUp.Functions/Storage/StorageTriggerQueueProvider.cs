using Azure.Storage.Queues;
using TakeUp.Hosting;

namespace TakeUp.Functions.Storage;

/// <summary>Gives the local trigger runtime its queues, through the app's storage client.</summary>
public sealed class StorageTriggerQueueProvider(StorageAccount storage) : ITriggerQueueProvider
{
    public ITriggerQueue GetQueue(string queueName) => new StorageTriggerQueue(storage.Queue(queueName));

    private sealed class StorageTriggerQueue(QueueClient client) : ITriggerQueue
    {
        public string Name => client.Name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
            client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        public async Task<IReadOnlyList<TriggerMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
        {
            var response = await client.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken);
            return response.Value.Select(m => new TriggerMessage(
                m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount, m.InsertedOn, m.ExpiresOn, m.NextVisibleOn)).ToList();
        }

        public async Task<TriggerMessage> UpdateVisibilityAsync(TriggerMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
        {
            var receipt = await client.UpdateMessageAsync(message.Id, message.PopReceipt, (string?)null, visibilityTimeout, cancellationToken);
            return message with { PopReceipt = receipt.Value.PopReceipt, NextVisibleOn = receipt.Value.NextVisibleOn };
        }

        public Task DeleteAsync(TriggerMessage message, CancellationToken cancellationToken) =>
            client.DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken);

        public Task SendAsync(string messageText, CancellationToken cancellationToken) =>
            client.SendMessageAsync(messageText, cancellationToken);
    }
}
