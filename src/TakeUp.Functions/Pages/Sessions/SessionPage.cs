using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Pages.Home;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Pages.Sessions;

/// <summary>
/// <c>GET services/{serviceId}/sessions/{id}</c>: one logged session (front-line staff of the
/// service, its managers, GDS), with the confirmation panel straight after logging it.
/// </summary>
public sealed class SessionPage(PageRenderer pages, ServiceCatalog catalog, AssistedSessionStore sessions)
{
    [Function(nameof(SessionPage))]
    [Authorize(Policy = Policies.Authenticated)]
    [Page]
    [QueryParameters("logged")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{serviceId}/sessions/{id:guid}")] HttpRequest request,
        string serviceId,
        Guid id)
    {
        var http = request.HttpContext;
        var (service, problem) = await AssistedAccess.ForOneRecordAsync(serviceId, http.User, catalog, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var session = await sessions.FindAsync(service!.Id, id, http.RequestAborted);
        if (session is null)
        {
            return Problems.NotFound($"There is no assisted session {id:D} for {service.Name}.");
        }

        var link = new ServiceLink(service.Id.Value, service.Name, service.DepartmentName);
        return await pages.RenderAsync<SessionLoggedView, SessionLoggedModel>(
            http, new SessionLoggedModel(link, session, request.Query["logged"] == "true"));
    }
}
