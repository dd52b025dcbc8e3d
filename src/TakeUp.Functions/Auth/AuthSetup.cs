using Microsoft.AspNetCore.Authentication;

namespace TakeUp.Functions.Auth;

public static class AuthSetup
{
    /// <summary>The API's: App Service Authentication when the platform is on, else an API key.</summary>
    public const string Scheme = "TakeUp";

    /// <summary>The pages': App Service Authentication when the platform is on, else the local sign-in cookie. Never an API key.</summary>
    public const string PageScheme = "TakeUpPages";

    public static IServiceCollection AddTakeUpAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppServiceAuthOptions>()
            .Configure(o => o.Enabled = string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
            .BindConfiguration(AppServiceAuthOptions.Section)
            .Validate(o => o.Roles.Values.All(m => Roles.All.Contains(m.Role)),
                $"Every {AppServiceAuthOptions.Section}:Roles:*:Role must be one of: {string.Join(", ", Roles.All)}.")
            .ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or App Service Authentication", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(AppServicePrincipal.HeaderName)
                    && context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppServiceAuthOptions>>().Value.Enabled
                        ? AppServiceAuthenticationHandler.SchemeName
                        : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AppServiceAuthenticationHandler>(AppServiceAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(PageScheme, "App Service Authentication or the local sign-in", options =>
                options.ForwardDefaultSelector = context =>
                    context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppServiceAuthOptions>>().Value.Enabled
                        ? AppServiceAuthenticationHandler.SchemeName
                        : LocalSignIn.SchemeName)
            .AddCookie(LocalSignIn.SchemeName, LocalSignIn.Configure);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Frontline, p => p.RequireRole(Roles.Frontline))
            .AddPolicy(Policies.Readers, p => p.RequireRole(Roles.ServiceManager, Roles.Gds))
            .AddPolicy(Policies.Gds, p => p.RequireRole(Roles.Gds))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Ingest, p => p.RequireRole(Roles.Ingest))
            .AddPolicy(Policies.Receipts, p => p.RequireRole(Roles.Ingest, Roles.Gds, Roles.Admin));
        return services;
    }
}

/// <summary>Which roles reach an endpoint at all; scope (which services) is checked by the handler through <see cref="Caller"/>.</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string Frontline = "frontline";
    public const string Readers = "readers";
    public const string Gds = "gds";
    public const string Admin = "admin";
    public const string Ingest = "ingest";
    public const string Receipts = "receipts";
}
