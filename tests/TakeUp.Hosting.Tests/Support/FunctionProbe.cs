using System.Collections.Concurrent;

namespace TakeUp.Hosting.Tests.Support;

/// <summary>What the sample functions saw, and the gate the slow one waits on. One per test app.</summary>
internal sealed class FunctionProbe
{
    public ConcurrentQueue<QueueCall> QueueCalls { get; } = new();

    public ConcurrentQueue<TimerInfo> TimerRuns { get; } = new();

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<QueueCall> CallsTo(string functionName) =>
        QueueCalls.Where(call => call.Function == functionName).ToArray();

    internal sealed record QueueCall(string Function, object Message, QueueTriggerInfo Trigger);
}
