namespace TakeUp.Functions.Pages.Rendering;

/// <summary>
/// Marks an HTTP function as a page for people rather than an API for machines: it is signed in
/// through the page schemes (App Service Authentication, or the local sign-in cookie, never an API
/// key), a caller who is not signed in is sent to sign in, and every refusal or failure is shown as
/// a GOV.UK page with the same status and explanation the API would give.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PageAttribute : Attribute;
