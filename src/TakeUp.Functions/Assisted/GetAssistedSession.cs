using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>GET api/services/{serviceId}/assisted-sessions/{sessionId}</c>: one session, for the
/// service's managers and GDS, and for its front-line staff, who need to see what they logged.
/// </summary>
public sealed class GetAssistedSession(ServiceCatalog catalog, AssistedSessionStore sessions)
{
    [Function(nameof(GetAssistedSession))]
    [Authorize(Policy = Policies.Authenticated)]
    public Task<Results<Ok<AssistedSessionDocument>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}/assisted-sessions/{sessionId}")] HttpRequest request,
        string serviceId,
        string sessionId) =>
        HandleAsync(serviceId, sessionId, request.HttpContext.User, catalog, sessions, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<AssistedSessionDocument>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string sessionId,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        AssistedSessionStore sessions,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForOneRecordAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!Guid.TryParseExact(sessionId, "D", out var id))
        {
            return Problems.Invalid([new InputError(0, "sessionId", "A session id looks like 0f8fad5b-d9cb-469f-a165-70867728950e.")], "request");
        }

        var session = await sessions.FindAsync(service!.Id, id, cancellationToken);
        return session is null
            ? Problems.NotFound($"There is no assisted session {id:D} for {service.Id}.")
            : TypedResults.Ok(AssistedSessionDocument.From(session));
    }
}
