using Microsoft.AspNetCore.Mvc;

namespace TakeUp.Functions.Auth;

/// <summary>401 and 403 as problem+json, like every other error the API gives.</summary>
public static class AuthProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
