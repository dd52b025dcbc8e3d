using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Http;
using TakeUp.Functions.Pages.Errors;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>
/// For page functions only, outside every other step: whatever problem+json answer the pipeline
/// or the page produced (a refusal, a bad query, a body too large, storage down, a failure) is
/// shown as a GOV.UK page with the same status, title and detail, so people never see JSON.
/// </summary>
public sealed class PageMiddleware(FunctionMethods methods, PageSignIn signIn) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await next(context);
        if (methods.For(context).GetCustomAttribute<PageAttribute>() is null)
        {
            return;
        }

        var result = context.GetInvocationResult();
        if (result.Value is ProblemHttpResult problem)
        {
            var http = context.GetHttpContext()!;
            var details = problem.ProblemDetails;
            var items = details.Extensions.TryGetValue("errors", out var errors) && errors is IReadOnlyList<InputError> { Count: > 1 } list
                ? list.Select(e => e.Reason).ToList()
                : [];
            var status = details.Status ?? StatusCodes.Status500InternalServerError;
            var signInPath = status == StatusCodes.Status401Unauthorized ? signIn.SignInPath(http.Request.Path + http.Request.QueryString) : null;
            var heading = status switch
            {
                StatusCodes.Status403Forbidden => "You cannot see this page",
                StatusCodes.Status404NotFound => "Page not found",
                >= 500 => "Sorry, there is a problem with the service",
                _ => details.Title ?? "There is a problem",
            };
            var renderer = context.InstanceServices.GetRequiredService<PageRenderer>();
            result.Value = await renderer.RenderAsync<ErrorView, ErrorModel>(
                http, new ErrorModel(heading, details.Detail ?? details.Title ?? "", items, signInPath), status, withForms: false);
        }
    }
}
