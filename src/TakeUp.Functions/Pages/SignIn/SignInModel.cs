using TakeUp.Functions.Pages.Components;

namespace TakeUp.Functions.Pages.SignIn;

/// <param name="Roles">The development roles offered, each with who it acts for.</param>
/// <param name="ReturnUrl">Where to go once signed in (a path on this site).</param>
public sealed record SignInModel(IReadOnlyList<Choice> Roles, string ReturnUrl, FormErrors Errors);
