using TakeUp.Functions.Auth;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>How people sign in where the app runs.</summary>
public enum SignInMode
{
    /// <summary>Neither App Service Authentication nor local mode: no page can be signed in to.</summary>
    None,

    /// <summary>Local mode: the sign-in page picks a development role.</summary>
    Local,

    /// <summary>In Azure: App Service Authentication (Entra ID) signs people in.</summary>
    AppService,
}

/// <summary>What every page's frame needs: who is signed in, the script nonce and the form token.</summary>
/// <param name="Caller">The signed-in person, or null.</param>
/// <param name="Nonce">This response's Content-Security-Policy nonce for its one inline script.</param>
/// <param name="FormToken">The anti-forgery token every form posts back; null on a page without forms.</param>
/// <param name="Path">The path of the page, for links back to it.</param>
public sealed record PageContext(Caller? Caller, string Nonce, string? FormToken, SignInMode SignIn, string Path)
{
    /// <summary>The name of the hidden field that carries <see cref="FormToken"/>.</summary>
    public const string FormTokenField = "__form-token";
}
