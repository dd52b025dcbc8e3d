using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.Invocation;

/// <summary>Answers the Functions host's <c>POST /{FunctionName}</c> for queue and timer functions.</summary>
internal static class InvocationEndpoint
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public static RequestDelegate For(string functionName) => context => HandleAsync(context, functionName);

    private static async Task HandleAsync(HttpContext context, string functionName)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InvocationEndpoint));
        if (!LoopbackRequests.IsLocal(context))
        {
            HostingLog.NonLocalInvocationRefused(logger, functionName, context.Connection.RemoteIpAddress?.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        string? invocationId = context.Request.Headers[InvocationIdHeader];
        InvocationRequest request;
        try
        {
            request = await InvocationRequest.ReadAsync(context.Request.Body, invocationId, context.RequestAborted);
        }
        catch (FormatException ex)
        {
            HostingLog.InvocationBodyRejected(logger, functionName, ex.Message);
            await WriteAsync(context, StatusCodes.Status400BadRequest, InvocationResult.Failure($"{functionName} did not run: {ex.Message}"));
            return;
        }

        var invoker = context.RequestServices.GetRequiredService<IFunctionInvoker>();
        var result = await invoker.InvokeAsync(functionName, request, context.RequestAborted);
        await WriteAsync(context, result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError, result);
    }

    private static Task WriteAsync(HttpContext context, int statusCode, InvocationResult result)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(
            InvocationResponse.From(result),
            HostingJsonContext.Default.InvocationResponse,
            contentType: "application/json",
            cancellationToken: context.RequestAborted);
    }
}
