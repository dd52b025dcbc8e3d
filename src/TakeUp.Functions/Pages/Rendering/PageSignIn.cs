using Microsoft.Extensions.Options;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Local;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>
/// Where people sign in: App Service Authentication when the platform says it is on (in Azure),
/// else the local sign-in page in local mode, else nowhere (pages then explain what to turn on).
/// </summary>
public sealed class PageSignIn(IOptions<AppServiceAuthOptions> appService, IOptions<LocalSetupOptions> local, IHostEnvironment environment)
{
    public SignInMode Mode => appService.Value.Enabled
        ? SignInMode.AppService
        : local.Value.IsEnabled(environment) ? SignInMode.Local : SignInMode.None;

    /// <summary>Where to send someone who is not signed in, to come back to <paramref name="returnPath"/>.</summary>
    public string? SignInPath(string returnPath) => Mode switch
    {
        SignInMode.AppService => $"/.auth/login/aad?post_login_redirect_uri={Uri.EscapeDataString(returnPath)}",
        SignInMode.Local => $"/sign-in?returnUrl={Uri.EscapeDataString(returnPath)}",
        _ => null,
    };

    /// <summary>Only a path on this site, so a crafted link cannot send people elsewhere after signing in.</summary>
    public static string SafeReturnPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } path && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path
            : "/";
}
