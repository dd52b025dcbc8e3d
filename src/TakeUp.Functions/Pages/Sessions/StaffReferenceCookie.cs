namespace TakeUp.Functions.Pages.Sessions;

/// <summary>
/// The member of staff's own reference (never anything about the person helped), remembered on
/// their device so the form is quicker the next time and "your recent sessions" knows whose they are.
/// </summary>
public static class StaffReferenceCookie
{
    public const string Name = "takeup-staff-reference";

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static void Remember(HttpResponse response, string staffReference) =>
        response.Cookies.Append(Name, staffReference, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(90),
            IsEssential = true,
        });
}
