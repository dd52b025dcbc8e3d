using System.Text;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>
/// A rendered page with the headers every page carries: a strict Content-Security-Policy (only
/// our own assets, and the one inline script by its nonce), no framing, no sniffing, and no
/// caching, because pages show what only the signed-in person may see.
/// </summary>
public sealed class PageResult(string html, int statusCode, string nonce) : IResult
{
    public string Html => html;

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        var headers = response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
