using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Http;

/// <summary>
/// Every failure of an HTTP function answers problem+json, never a bare 500: a storage outage is
/// 503 with <c>Retry-After</c> (nothing was recorded; try again shortly); a body over its limit is
/// 413 naming the limit; a body that cannot be read is 400; anything else is a 500 problem naming
/// the invocation, logged in full. It also marks the invocation as a request path, so its storage
/// calls retry briefly (<see cref="StorageRetryPolicy"/>).
/// </summary>
public sealed class ProblemMiddleware(ILogger<ProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const int RetryAfterSeconds = 10;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        StorageCallPath.EnterRequest();
        var http = context.GetHttpContext() ?? throw new InvalidOperationException($"{context.FunctionDefinition.Name} is an HTTP function without an HttpContext: is ConfigureFunctionsWebApplication() called?");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InvocationId"] = context.InvocationId, ["FunctionName"] = context.FunctionDefinition.Name });
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            context.GetInvocationResult().Value = ToProblem(ex, http, context);
        }
    }

    private IResult ToProblem(Exception exception, HttpContext http, FunctionContext context)
    {
        if (StorageOutage.Is(exception, http.RequestAborted))
        {
            Log.StorageUnavailable(logger, context.FunctionDefinition.Name, StorageOutage.Describe(exception));
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "Storage is not answering.",
                detail: $"The service could not reach its storage ({StorageOutage.Describe(exception)}), so nothing was read or recorded. " +
                        $"Try again in {RetryAfterSeconds} seconds; GET /api/health says when storage is back.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        switch (Unwrap(exception))
        {
            case RequestBodyTooLargeException tooLarge:
                return TooLarge(tooLarge.Limit);
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
                return TooLarge(limit);
            case BadHttpRequestException bad:
                return Problems.BadRequest($"The request body could not be read ({bad.Message}). Send it again, complete, with its Content-Type.");
            case JsonException json:
                return Problems.BadRequest($"The body is not valid JSON: {json.Message} Fix the JSON (docs/api.md shows each body) and send it again.");
        }

        Log.FunctionFailed(logger, context.FunctionDefinition.Name, context.InvocationId, exception);
        return TypedResults.Problem(
            title: "Something went wrong on our side.",
            detail: $"The request failed unexpectedly and may not have been recorded. Try again; if it keeps failing, report invocation {context.InvocationId}.",
            statusCode: StatusCodes.Status500InternalServerError,
            extensions: new Dictionary<string, object?> { ["invocationId"] = context.InvocationId });
    }

    public static IResult TooLarge(long? limit) => TypedResults.Problem(
        title: "The body is too large.",
        detail: limit is { } bytes
            ? $"This endpoint takes at most {bytes:N0} bytes ({bytes / 1024.0 / 1024.0:0.#} MB); split the submission into smaller ones."
            : "The body is larger than this endpoint takes; split the submission into smaller ones.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        extensions: limit is null ? null : new Dictionary<string, object?> { ["limitBytes"] = limit });

    // The worker and the framework may wrap what the function threw.
    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ when exception.InnerException is BadHttpRequestException or JsonException => exception.InnerException,
        _ => exception,
    };
}
