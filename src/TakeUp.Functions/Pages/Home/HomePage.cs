using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Pages.Home;

/// <summary>
/// <c>GET /</c>: where each person starts, by role: front-line staff their services' forms,
/// managers and GDS the dashboards. The route template matches the empty path only (an empty
/// route is not served at <c>/</c> by the Functions host).
/// </summary>
public sealed class HomePage(PageRenderer pages, ServiceCatalog catalog)
{
    [Function(nameof(HomePage))]
    [Authorize(Policy = Policies.Authenticated)]
    [Page]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{root:maxlength(0)?}")] HttpRequest request)
    {
        var caller = Caller.From(request.HttpContext.User);
        var services = (await catalog.GetAllAsync(request.HttpContext.RequestAborted)).Values
            .Where(s => caller.IsEveryService || caller.Services.Contains(s.Id))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => new ServiceLink(s.Id.Value, s.Name, s.DepartmentName))
            .ToList();
        return await pages.RenderAsync<HomeView, HomeModel>(request.HttpContext, new HomeModel(caller.Role, services));
    }
}
