using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace TakeUp.Functions.Http;

/// <summary>
/// Holds each HTTP function to the body size it declares (<see cref="MaxRequestBodySizeAttribute"/>):
/// a declared length over the limit is refused at once; a body that turns out longer fails while
/// it is read, which <see cref="ProblemMiddleware"/> answers with the same 413.
/// </summary>
public sealed class BodyLimitMiddleware(FunctionMethods methods) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext()!;
        var limit = methods.MaxRequestBodyBytes(context);
        if (http.Request.ContentLength > limit)
        {
            context.GetInvocationResult().Value = ProblemMiddleware.TooLarge(limit);
            return Task.CompletedTask;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        http.Request.Body = new LimitedRequestBody(http.Request.Body, limit);
        return next(context);
    }
}
