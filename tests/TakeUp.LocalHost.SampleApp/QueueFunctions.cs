using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.LocalHost.SampleApp;

public sealed class QueueFunctions(InvocationRecorder recorder)
{
    /// <summary>Records each message; a message that starts with "fail" throws, to test retries and poison.</summary>
    [Function(nameof(RecordQueueMessage))]
    public void RecordQueueMessage(
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

        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Failing on demand: {message}");
        }
    }
}
