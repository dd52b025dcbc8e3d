using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using TakeUp.Functions.Auth;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>
/// Renders pages from Razor components with <see cref="HtmlRenderer"/>, one per invocation (a
/// renderer keeps every component it rendered until it is disposed), and gives each response its
/// script nonce and anti-forgery token.
/// </summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers, IAntiforgery antiforgery, PageSignIn signIn) : IAsyncDisposable
{
    private HtmlRenderer? _renderer;

    /// <param name="withForms">False for the error page: it has no form, and must render even when the key ring behind the form token cannot be read (storage down).</param>
    public PageContext ContextFor(HttpContext http, bool withForms = true)
    {
        var caller = http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User) : null;
        var token = withForms
            ? antiforgery.GetAndStoreTokens(http).RequestToken ?? throw new InvalidOperationException("The anti-forgery service gave no form token.")
            : null;
        return new PageContext(caller, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), token, signIn.Mode, http.Request.Path + http.Request.QueryString);
    }

    public async Task<PageResult> RenderAsync<TView, TModel>(HttpContext http, TModel model, int statusCode = StatusCodes.Status200OK, bool withForms = true)
        where TView : PageView<TModel>
    {
        var page = ContextFor(http, withForms);
        _renderer ??= new HtmlRenderer(services, loggers);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(PageView<TModel>.Page)] = page,
            [nameof(PageView<TModel>.Model)] = model,
        });
        var html = await _renderer.Dispatcher.InvokeAsync(async () => (await _renderer.RenderComponentAsync<TView>(parameters)).ToHtmlString());
        return new PageResult(html, statusCode, page.Nonce);
    }

    public ValueTask DisposeAsync() => _renderer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
