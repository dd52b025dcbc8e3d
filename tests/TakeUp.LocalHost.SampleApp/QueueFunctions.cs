using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.LocalHost.SampleApp;

public sealed class QueueFunctions(InvocationRecorder recorder, HeldMessages held)
{
    /// <summary>
    /// Records each message; a message that starts with "fail" throws, to test retries and poison;
    /// one that starts with "hold" waits until the test releases it.
    /// </summary>
    [Function(nameof(RecordQueueMessage))]
    public async Task RecordQueueMessage(
        [QueueTrigger("%SampleQueueName%")] string message,
        string id,
        long dequeueCount,
        string popReceipt,
        DateTimeOffset insertionTime,
        FunctionContext context)
    {
        recorder.Record(new InvocationRecord(nameof(RecordQueueMessage), message, new Dictionary<string, string>
        {
            ["Id"] = id,
            ["DequeueCount"] = dequeueCount.ToString(CultureInfo.InvariantCulture),
            ["PopReceipt"] = popReceipt,
            ["InsertionTime"] = insertionTime.ToString("O", CultureInfo.InvariantCulture),
            ["InvocationId"] = context.InvocationId,
        }));

        if (message.StartsWith("hold", StringComparison.Ordinal))
        {
            await held.HoldAsync(context.CancellationToken);
        }

        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Failing on demand: {message}");
        }
    }
}
