namespace TakeUp.Hosting.Tests.Support;

// Small functions the tests declare; each records what it received in the app's FunctionProbe.

internal sealed record SampleBatch(string BatchId, IReadOnlyList<int> Rows);

internal sealed class RecordMessage(FunctionProbe probe) : IQueueFunction<string>
{
    public Task RunAsync(string message, QueueTriggerInfo trigger, CancellationToken cancellationToken)
    {
        probe.QueueCalls.Enqueue(new(nameof(RecordMessage), message, trigger));
        return Task.CompletedTask;
    }
}

internal sealed class RecordBatch(FunctionProbe probe) : IQueueFunction<SampleBatch>
{
    public Task RunAsync(SampleBatch message, QueueTriggerInfo trigger, CancellationToken cancellationToken)
    {
        probe.QueueCalls.Enqueue(new(nameof(RecordBatch), message, trigger));
        return Task.CompletedTask;
    }
}

internal sealed class AlwaysFails(FunctionProbe probe) : IQueueFunction<string>
{
    public const string Failure = "the sample function always fails";

    public Task RunAsync(string message, QueueTriggerInfo trigger, CancellationToken cancellationToken)
    {
        probe.QueueCalls.Enqueue(new(nameof(AlwaysFails), message, trigger));
        throw new InvalidOperationException(Failure);
    }
}

internal sealed class FailsTwice(FunctionProbe probe) : IQueueFunction<string>
{
    public Task RunAsync(string message, QueueTriggerInfo trigger, CancellationToken cancellationToken)
    {
        probe.QueueCalls.Enqueue(new(nameof(FailsTwice), message, trigger));
        return trigger.DequeueCount <= 2
            ? throw new InvalidOperationException($"failing delivery {trigger.DequeueCount}")
            : Task.CompletedTask;
    }
}

internal sealed class WaitsForGate(FunctionProbe probe) : IQueueFunction<string>
{
    public async Task RunAsync(string message, QueueTriggerInfo trigger, CancellationToken cancellationToken)
    {
        probe.QueueCalls.Enqueue(new(nameof(WaitsForGate), message, trigger));
        await probe.Gate.Task.WaitAsync(cancellationToken);
    }
}

internal sealed class RecordTimer(FunctionProbe probe) : ITimerFunction
{
    public Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        probe.TimerRuns.Enqueue(timer);
        return Task.CompletedTask;
    }
}
