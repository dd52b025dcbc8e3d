using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>GET api/services/{serviceId}/assisted-sessions/{sessionId}</c>: one session, for the
/// service's managers and GDS, and for its front-line staff, who need to see what they logged.
/// </summary>
public static class GetAssistedSession
{
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
