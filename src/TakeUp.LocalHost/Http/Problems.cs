using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TakeUp.LocalHost.Http;

/// <summary>The host's own answers, as <c>application/problem+json</c>.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }
}
