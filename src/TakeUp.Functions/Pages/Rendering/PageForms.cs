using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>Reads a posted form once its anti-forgery token has been checked.</summary>
public static class PageForms
{
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, Problems.UnsupportedMediaType("This page takes a form posted from itself (application/x-www-form-urlencoded)."));
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, Problems.BadRequest(
                "The form could not be accepted because it had expired or did not come from this site. Go back, reload the page and send it again; nothing was recorded.",
                "The form had expired."));
        }

        return (await http.Request.ReadFormAsync(http.RequestAborted), null);
    }

    /// <summary>The value of a field as sent, or null when it was left empty.</summary>
    public static string? Text(this IFormCollection form, string name) =>
        form[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static IReadOnlyList<string> All(this IFormCollection form, string name) =>
        form[name].OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
}
