using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TakeUp.Functions.Auth;

namespace TakeUp.Functions.Http;

/// <summary>
/// Who the caller is (an API key, or App Service Authentication's principal when the platform
/// says it is on) and whether the function lets them in: each HTTP function declares
/// <c>[Authorize(Policy = …)]</c> or <c>[AllowAnonymous]</c> next to itself. 401 without
/// credentials, 403 with the wrong role, both problem+json. Which services a caller may touch is
/// decided inside the function, through <see cref="Caller"/>.
/// </summary>
public sealed class AccessMiddleware(FunctionMethods methods, IAuthorizationService authorization) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext()!;
        var authenticated = await http.AuthenticateAsync(AuthSetup.Scheme);
        if (authenticated.Succeeded)
        {
            http.User = authenticated.Principal;
        }

        var method = methods.For(context);
        if (method.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var policy = method.GetCustomAttribute<AuthorizeAttribute>()?.Policy
            ?? throw new InvalidOperationException(
                $"The function {context.FunctionDefinition.Name} declares neither [Authorize(Policy = …)] nor [AllowAnonymous]; every HTTP function must say who may call it.");
        if ((await authorization.AuthorizeAsync(http.User, policy)).Succeeded)
        {
            await next(context);
            return;
        }

        if (http.User.Identity?.IsAuthenticated == true)
        {
            await http.ForbidAsync(AuthSetup.Scheme);
        }
        else
        {
            await http.ChallengeAsync(AuthSetup.Scheme);
        }
    }
}
