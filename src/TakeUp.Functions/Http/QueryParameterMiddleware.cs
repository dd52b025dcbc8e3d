using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Http;

/// <summary>
/// Refuses query parameters an HTTP function does not declare (<see cref="QueryParametersAttribute"/>),
/// naming each with the ones it takes, before it runs, so nothing changes.
/// </summary>
public sealed class QueryParameterMiddleware(FunctionMethods methods) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var request = context.GetHttpContext()!.Request;
        var known = methods.QueryParameters(context);
        var unknown = request.Query.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count == 0)
        {
            return next(context);
        }

        var takes = known.Count == 0 ? "it takes no query parameters" : $"it takes {string.Join(", ", known)}";
        var errors = unknown
            .Select(name => new InputError(0, name, $"'{name}' is not a parameter of {request.Method} {request.Path}; {takes} (names are case-sensitive)."))
            .ToList();
        context.GetInvocationResult().Value = Problems.Invalid(errors, "request");
        return Task.CompletedTask;
    }
}
