namespace TakeUp.Functions.Pages.Errors;

/// <param name="Heading">What happened, in a few words.</param>
/// <param name="Detail">What to do about it.</param>
/// <param name="Items">Each problem found, when there were several.</param>
/// <param name="SignInPath">Where to sign in, when signing in (again) would help.</param>
public sealed record ErrorModel(string Heading, string Detail, IReadOnlyList<string> Items, string? SignInPath = null);
