using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using TakeUp.Domain.Services;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Auth;

/// <summary>
/// Signing in to the pages on a laptop (local mode only): the sign-in page picks one of the
/// development roles, and a cookie (HttpOnly, SameSite=Lax, protected by the app's data-protection
/// keys) carries it for 8 hours. The roles match the development keys: front-line staff and a
/// service manager for the services of <c>LocalSetup:DevKeysDepartment</c>, GDS, and an admin.
/// The API never accepts this cookie, only the pages do.
/// </summary>
public static class LocalSignIn
{
    public const string SchemeName = "LocalSignIn";
    public const string CookieName = "takeup-sign-in";

    /// <summary>The roles the sign-in page offers, in the order it lists them.</summary>
    public static readonly IReadOnlyList<string> RolesOffered = [Roles.Frontline, Roles.ServiceManager, Roles.Gds, Roles.Admin];

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;

        // Challenges and refusals are answered by the pages themselves (PageMiddleware), never by
        // the handler's redirects.
        options.Events.OnRedirectToLogin = _ => Task.CompletedTask;
        options.Events.OnRedirectToAccessDenied = _ => Task.CompletedTask;
    }

    /// <summary>The person a development role signs in as.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(string role, DepartmentId department, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        var services = Roles.IsScopedToServices(role)
            ? (await catalog.GetAllAsync(cancellationToken)).Values.Where(s => s.Department == department).Select(s => s.Id).ToList()
            : [];
        var name = Roles.IsScopedToServices(role) ? $"Local {Roles.PeopleName(role)} ({department})" : $"Local {Roles.PeopleName(role)}";
        return new ClaimsPrincipal(Caller.ToIdentity($"local:{role}", name, role, services, null, SchemeName));
    }

    public static Task SignInAsync(HttpContext http, ClaimsPrincipal principal) =>
        http.SignInAsync(SchemeName, principal, new AuthenticationProperties { IsPersistent = false });

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(SchemeName);
}
