using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Pages.Rendering;

namespace TakeUp.Functions.Http;

/// <summary>
/// Who the caller is (an API key, or App Service Authentication's principal when the platform
/// says it is on) and whether the function lets them in: each HTTP function declares
/// <c>[Authorize(Policy = …)]</c> or <c>[AllowAnonymous]</c> next to itself. 401 without
/// credentials, 403 with the wrong role, both problem+json. Which services a caller may touch is
/// decided inside the function, through <see cref="Caller"/>.
/// </summary>
public sealed class AccessMiddleware(FunctionMethods methods, IAuthorizationService authorization, PageSignIn signIn) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext()!;
        var method = methods.For(context);
        var isPage = method.GetCustomAttribute<PageAttribute>() is not null;

        // Pages are signed in to by people (never with an API key); the API by keys or the platform.
        if (!isPage || signIn.Mode != SignInMode.None)
        {
            var authenticated = await http.AuthenticateAsync(isPage ? AuthSetup.PageScheme : AuthSetup.Scheme);
            if (authenticated.Succeeded)
            {
                http.User = authenticated.Principal;
            }
        }

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

        if (isPage)
        {
            context.GetInvocationResult().Value = PageRefusal(http);
        }
        else if (http.User.Identity?.IsAuthenticated == true)
        {
            await http.ForbidAsync(AuthSetup.Scheme);
        }
        else
        {
            await http.ChallengeAsync(AuthSetup.Scheme);
        }
    }

    /// <summary>Someone not signed in goes to sign in and comes back; a signed-in person without the role is told so.</summary>
    private IResult PageRefusal(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return Problems.Forbidden($"As {Roles.PeopleName(Caller.From(http.User).Role)} you cannot use this page. Ask an administrator if you need to.");
        }

        return signIn.SignInPath(http.Request.Path + http.Request.QueryString) is { } path
            ? Results.Redirect(path)
            : TypedResults.Problem(
                title: "Signing in is not set up.",
                detail: "Turn on App Service Authentication (docs/access.md), or run the app locally, where a sign-in page picks a development role.",
                statusCode: StatusCodes.Status401Unauthorized);
    }
}
