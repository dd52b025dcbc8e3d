using Microsoft.Extensions.DependencyInjection;

namespace TakeUp.Hosting.Invocation;

internal sealed class TimerFunctionBinding<TFunction>(TimerFunctionTrigger trigger) : IFunctionBinding
    where TFunction : class, ITimerFunction
{
    public FunctionTrigger Trigger { get; } = trigger;

    public async Task<string> InvokeAsync(string functionName, IServiceProvider services, InvocationRequest request, CancellationToken cancellationToken)
    {
        var timer = TimerTriggerPayload.Read(request);
        var function = ActivatorUtilities.CreateInstance<TFunction>(services);
        await FunctionInstance.RunAsync(function, () => function.RunAsync(timer, cancellationToken));
        return timer.IsPastDue ? $"{functionName} ran late (past due)." : $"{functionName} ran on schedule.";
    }
}
