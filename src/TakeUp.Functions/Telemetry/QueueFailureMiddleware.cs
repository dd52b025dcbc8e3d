using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TakeUp.Functions.Hosting;

namespace TakeUp.Functions.Telemetry;

/// <summary>
/// Counts, for queue functions, a failure on the last delivery the host allows (host.json
/// <c>maxDequeueCount</c>): the host then moves the message to its poison queue, which an operator
/// should hear about (docs/operations.md). The failure itself still propagates to the host.
/// </summary>
public sealed class QueueFailureMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>host.json's <c>extensions.queues.maxDequeueCount</c>; a test keeps the two equal.</summary>
    public const int MaxDequeueCount = 5;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch when (QueueDelivery.From(context).DequeueCount >= MaxDequeueCount)
        {
            TakeUpTelemetry.PoisonMessages.Add(1, new KeyValuePair<string, object?>("takeup.function", context.FunctionDefinition.Name));
            throw;
        }
    }

    public static bool IsQueue(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "queueTrigger");
}
