using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Grpc;
using TakeUp.LocalHost.Grpc.Protocol;

namespace TakeUp.LocalHost.Functions;

/// <summary>What became of one invocation.</summary>
internal sealed record InvocationOutcome(string InvocationId, bool Succeeded, string? Error);

/// <summary>
/// Sends InvocationRequests to the ready worker and waits for their responses; writes the output
/// bindings the worker returns, as the host does.
/// </summary>
internal sealed class FunctionInvoker(
    WorkerSession session,
    InvocationRegistry registry,
    OutputBindingWriter outputs,
    TimeProvider time,
    ILogger<FunctionInvoker> logger)
{
    /// <summary>Waits for a ready worker, then invokes <paramref name="functionName"/> on it.</summary>
    public async Task<InvocationOutcome> InvokeAsync(
        string functionName,
        TypedData triggerInput,
        IReadOnlyDictionary<string, TypedData> triggerMetadata,
        CancellationToken cancellationToken)
    {
        var worker = await session.WhenReadyAsync(cancellationToken);
        var function = worker.Find(functionName)
            ?? throw new InvalidOperationException($"The worker no longer has a function named {functionName}.");
        return await InvokeAsync(worker, function, NewInvocationId(), triggerInput, triggerMetadata, cancellationToken);
    }

    public static string NewInvocationId() => Guid.NewGuid().ToString();

    public async Task<InvocationOutcome> InvokeAsync(
        ReadyWorker worker,
        LocalFunction function,
        string invocationId,
        TypedData triggerInput,
        IReadOnlyDictionary<string, TypedData> triggerMetadata,
        CancellationToken cancellationToken)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.Id,
            // The worker requires a trace context; start a new trace for each invocation, as the
            // host does when the trigger brings none.
            TraceContext = new RpcTraceContext { TraceParent = NewTraceParent(), TraceState = "" },
        };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = triggerInput });
        foreach (var (key, value) in triggerMetadata)
        {
            request.TriggerMetadata[key] = value;
        }

        registry.Started(invocationId, function.Name);
        var started = time.GetTimestamp();
        try
        {
            var message = await worker.Channel.RequestAsync(
                WorkerChannel.InvocationKey(invocationId),
                new StreamingMessage { RequestId = invocationId, InvocationRequest = request },
                cancellationToken);
            var response = message.InvocationResponse;
            var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
            if (response.Result?.Status != StatusResult.Types.Status.Success)
            {
                var reason = response.Result?.Exception is { } ex ? $"{ex.Type}: {ex.Message}" : response.Result?.Result ?? "the worker reported a failure";
                LocalHostLog.InvocationFailed(logger, function.Name, invocationId, elapsed, reason);
                return new InvocationOutcome(invocationId, false, reason);
            }

            await outputs.WriteAsync(function, response, cancellationToken);
            LocalHostLog.InvocationSucceeded(logger, function.Name, invocationId, elapsed);
            return new InvocationOutcome(invocationId, true, null);
        }
        catch (WorkerGoneException ex)
        {
            var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
            LocalHostLog.InvocationFailed(logger, function.Name, invocationId, elapsed, ex.Message);
            return new InvocationOutcome(invocationId, false, ex.Message);
        }
        finally
        {
            registry.Finished(invocationId);
        }
    }

    private static string NewTraceParent() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
}
