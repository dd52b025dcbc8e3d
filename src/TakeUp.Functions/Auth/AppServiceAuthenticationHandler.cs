using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Auth;

/// <summary>
/// People signed in through App Service Authentication (Entra ID). Their Entra app roles are mapped
/// to this app's role and scopes by configuration. When several mapped roles apply, the most
/// privileged wins and only its scopes count.
/// </summary>
public sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AppServiceAuthOptions> appService) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";

    private static readonly string[] Precedence = [Roles.Admin, Roles.Gds, Roles.ServiceManager, Roles.Frontline, Roles.Ingest];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[AppServicePrincipal.HeaderName].ToString();
        if (!appService.Value.Enabled || string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = AppServicePrincipal.TryDecode(header);
        if (principal is null)
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {AppServicePrincipal.HeaderName} header could not be read."));
        }

        var mappings = principal.Values(principal.RoleType ?? "roles")
            .Select(role => appService.Value.Roles.GetValueOrDefault(role))
            .OfType<AppRoleMapping>()
            .Where(m => Roles.All.Contains(m.Role))
            .ToList();
        var role = Precedence.FirstOrDefault(r => mappings.Any(m => m.Role == r));
        if (role is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("None of your Entra ID roles is mapped to a role of this service. Ask an administrator."));
        }

        var chosen = mappings.Where(m => m.Role == role).ToList();
        var id = principal.Values(AppServicePrincipal.ObjectIdClaim).FirstOrDefault()
            ?? Request.Headers["X-MS-CLIENT-PRINCIPAL-ID"].ToString();
        var name = principal.Values(principal.NameType ?? ClaimTypes.Name).FirstOrDefault()
            ?? Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString();
        var identity = Caller.ToIdentity(
            "entra:" + id,
            name,
            role,
            chosen.SelectMany(m => m.Services).Select(s => ServiceId.TryParse(s, out var sid) ? sid : (ServiceId?)null).OfType<ServiceId>().Distinct(),
            chosen.Select(m => DepartmentId.TryParse(m.Department, out var d) ? d : (DepartmentId?)null).FirstOrDefault(d => d is not null),
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication is required.", "Sign in, or send an API key.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed.", "Your role may not do this.");
}
