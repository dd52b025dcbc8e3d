using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Auth;

/// <summary>
/// Machine clients and local users: <c>Authorization: ApiKey tu_…</c> (or <c>X-Api-Key: tu_…</c>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var record = await keys.AuthenticateAsync(key, Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("The API key is not valid, or has been revoked.");
        }

        var identity = Caller.ToIdentity(
            "key:" + record.Id,
            record.Name,
            record.Role,
            record.Services.Select(s => ServiceId.TryParse(s, out var id) ? id : (ServiceId?)null).OfType<ServiceId>(),
            DepartmentId.TryParse(record.Department, out var department) ? department : null,
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "Authentication is required.",
            "Send an API key as 'Authorization: ApiKey tu_…' or 'X-Api-Key: tu_…'. Locally, keys for every role are in .data/dev-keys.json.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed.", "Your role may not do this.");

    internal static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[(SchemeName.Length + 1)..].Trim();
        }

        var header = request.Headers[HeaderName].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }
}
