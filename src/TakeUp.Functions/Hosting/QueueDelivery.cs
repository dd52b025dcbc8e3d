using Microsoft.Azure.Functions.Worker;

namespace TakeUp.Functions.Hosting;

/// <summary>What the queue trigger knows about the delivered message, read from its binding data.</summary>
/// <param name="MessageId">The storage message id (empty when the caller did not send one).</param>
/// <param name="DequeueCount">1 on the first delivery; the host poisons the message after the last allowed one.</param>
/// <param name="InsertedAt">When the message was put on the queue, if the host said.</param>
public sealed record QueueDelivery(string MessageId, long DequeueCount, DateTimeOffset? InsertedAt = null)
{
    public static QueueDelivery From(FunctionContext context)
    {
        var data = context.BindingContext.BindingData;
        var id = data.TryGetValue("Id", out var value) ? value?.ToString() ?? "" : "";
        var dequeueCount = data.TryGetValue("DequeueCount", out var count) && long.TryParse(count?.ToString(), out var parsed) ? parsed : 1;
        DateTimeOffset? inserted = data.TryGetValue("InsertionTime", out var time)
            && DateTimeOffset.TryParse(time?.ToString()?.Trim('"'), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
        return new QueueDelivery(id, dequeueCount, inserted);
    }
}
