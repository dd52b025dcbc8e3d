using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.Invocation;

internal sealed class FunctionInvoker(FunctionCatalog catalog, IServiceScopeFactory scopeFactory, ILogger<FunctionInvoker> logger)
    : IFunctionInvoker
{
    public async Task<InvocationResult> InvokeAsync(string functionName, InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        ArgumentNullException.ThrowIfNull(request);

        if (!catalog.TryGetBinding(functionName, out var binding))
        {
            HostingLog.UnknownFunction(logger, functionName);
            return InvocationResult.Failure($"No queue or timer function named '{functionName}' is declared in this app.");
        }

        var invocationId = request.InvocationId ?? Guid.NewGuid().ToString();
        using var logScope = logger.BeginScope(new Dictionary<string, object>
        {
            ["FunctionName"] = functionName,
            ["InvocationId"] = invocationId,
        });

        await using var scope = scopeFactory.CreateAsyncScope();
        try
        {
            var line = await binding.InvokeAsync(functionName, scope.ServiceProvider, request, cancellationToken);
            HostingLog.FunctionSucceeded(logger, functionName, invocationId);
            return InvocationResult.Success(line);
        }
        catch (InvocationPayloadException ex)
        {
            HostingLog.PayloadRejected(logger, functionName, invocationId, ex.Message);
            return InvocationResult.Failure($"{functionName} did not run: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            HostingLog.FunctionCancelled(logger, functionName, invocationId);
            return InvocationResult.Failure($"{functionName} was cancelled before it finished.");
        }
        catch (Exception ex)
        {
            // The isolation boundary: a function's failure becomes a failed invocation (retried
            // and poisoned by the trigger), never a crash of the host. The exception stays in the
            // server log; the caller gets its type and message only.
            HostingLog.FunctionFailed(logger, ex, functionName, invocationId);
            return InvocationResult.Failure($"{functionName} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
