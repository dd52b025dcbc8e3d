namespace TakeUp.Functions.Auth;

/// <summary>
/// Settings under <c>Auth:AppService</c>: how Entra ID app roles map to this app's roles and scopes,
/// e.g. <c>Auth__AppService__Roles__CarersManagers__Role=service-manager</c> and
/// <c>Auth__AppService__Roles__CarersManagers__Services__0=carers-allowance</c>.
/// </summary>
public sealed class AppServiceAuthOptions
{
    public const string Section = "Auth:AppService";

    /// <summary>
    /// Whether App Service Authentication is on. Defaults to the platform's own
    /// <c>WEBSITE_AUTH_ENABLED</c>: the principal header is trusted only then, because without the
    /// platform in front anyone could send it.
    /// </summary>
    public bool Enabled { get; set; }

    public Dictionary<string, AppRoleMapping> Roles { get; set; } = new(StringComparer.Ordinal);
}

public sealed class AppRoleMapping
{
    public string Role { get; set; } = "";

    public List<string> Services { get; set; } = [];

    public string? Department { get; set; }
}
