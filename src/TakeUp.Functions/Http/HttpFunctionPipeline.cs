using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;

namespace TakeUp.Functions.Http;

/// <summary>
/// The worker middleware every HTTP function runs through, outermost first: for pages, every
/// problem shown as a page; failures as problem+json; who the caller is and whether the function lets them in; the query parameters it
/// takes; the body's size limit;
/// Idempotency-Key for the functions that honour it. Queue and timer functions skip all of it;
/// queue functions count a failure on their last allowed delivery (it is about to be poisoned).
/// </summary>
public static class HttpFunctionPipeline
{
    public static IFunctionsWorkerApplicationBuilder UseHttpFunctionPipeline(this IFunctionsWorkerApplicationBuilder builder)
    {
        builder.UseWhen<Pages.Rendering.PageMiddleware>(IsHttp);
        builder.UseWhen<ProblemMiddleware>(IsHttp);
        builder.UseWhen<AccessMiddleware>(IsHttp);
        builder.UseWhen<QueryParameterMiddleware>(IsHttp);
        builder.UseWhen<BodyLimitMiddleware>(IsHttp);
        builder.UseWhen<Idempotency>(context => IsHttp(context) && context.InstanceServices.GetRequiredService<FunctionMethods>().IsIdempotent(context));
        builder.UseWhen<Telemetry.QueueFailureMiddleware>(Telemetry.QueueFailureMiddleware.IsQueue);
        return builder;
    }

    public static bool IsHttp(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "httpTrigger");
}
