using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Services;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Local;
using TakeUp.Functions.Pages.Components;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Pages.SignIn;

/// <summary>
/// <c>GET|POST sign-in</c>, <c>POST sign-out</c>: local mode only (404 elsewhere; in Azure, App
/// Service Authentication signs people in). Picks one of the development roles.
/// </summary>
public sealed class SignInPage(PageRenderer pages, PageSignIn signIn, IAntiforgery antiforgery, ServiceCatalog catalog, IOptions<LocalSetupOptions> local)
{
    [Function(nameof(SignInPage))]
    [AllowAnonymous]
    [Page]
    [QueryParameters("returnUrl")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "sign-in")] HttpRequest request)
    {
        var http = request.HttpContext;
        if (signIn.Mode != SignInMode.Local)
        {
            return NotLocal();
        }

        var department = DepartmentId.Parse(local.Value.DevKeysDepartment);
        var errors = new FormErrors();
        var returnUrl = PageSignIn.SafeReturnPath(request.Query["returnUrl"]);
        if (HttpMethods.IsPost(request.Method))
        {
            var (form, problem) = await PageForms.ReadAsync(http, antiforgery);
            if (problem is not null)
            {
                return problem;
            }

            var posted = form!;
            returnUrl = PageSignIn.SafeReturnPath(posted.Text("returnUrl"));
            if (posted.Text("role") is { } role && LocalSignIn.RolesOffered.Contains(role))
            {
                await LocalSignIn.SignInAsync(http, await LocalSignIn.PrincipalAsync(role, department, catalog, http.RequestAborted));
                return Results.Redirect(returnUrl);
            }

            errors.Add("role", "Select the role you want to try");
        }

        var roles = LocalSignIn.RolesOffered
            .Select(r => new Choice(r, Capitalised(Roles.PeopleName(r)), Scope(r, department)))
            .ToList();
        return await pages.RenderAsync<SignInView, SignInModel>(http, new SignInModel(roles, returnUrl, errors),
            errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    [Function("SignOutPage")]
    [AllowAnonymous]
    [Page]
    public async Task<IResult> SignOutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-out")] HttpRequest request)
    {
        var http = request.HttpContext;
        if (signIn.Mode != SignInMode.Local)
        {
            return NotLocal();
        }

        var (_, problem) = await PageForms.ReadAsync(http, antiforgery);
        if (problem is not null)
        {
            return problem;
        }

        await LocalSignIn.SignOutAsync(http);
        return Results.Redirect("/sign-in");
    }

    private static IResult NotLocal() =>
        Problems.NotFound("This sign-in page exists only when the service runs on your own computer. Sign in with your work account instead.");

    private static string Scope(string role, DepartmentId department) => role switch
    {
        Roles.Frontline => $"Logs assisted sessions and support requests for {department}'s services.",
        Roles.ServiceManager => $"Sees the dashboards and alerts of {department}'s services.",
        Roles.Gds => "Sees every service and the cross-government view.",
        _ => "Manages the catalogue and API keys.",
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
