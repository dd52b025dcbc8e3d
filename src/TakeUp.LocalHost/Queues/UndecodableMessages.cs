using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;

namespace TakeUp.LocalHost.Queues;

/// <summary>
/// A queue message that is not base64 (written by a producer that did not encode it) cannot be
/// read by a trigger, and left in place it would fail every receive of its batch. As the Functions
/// host does, it is moved to <c>{queue}-poison</c> at once, its text kept as it was written.
/// </summary>
internal static class UndecodableMessages
{
    public static async Task MoveToPoisonAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message)
        {
            return; // a peek: nothing was received, so nothing to move
        }

        var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(args.Queue.Name + "-poison");
        var text = message.Body.ToString();
        if (args.IsRunningSynchronously)
        {
            poison.CreateIfNotExists(cancellationToken: args.CancellationToken);
            poison.SendMessage(text, args.CancellationToken);
            args.Queue.DeleteMessage(message.MessageId, message.PopReceipt, args.CancellationToken);
            return;
        }

        await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
        await poison.SendMessageAsync(text, args.CancellationToken);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }
}
