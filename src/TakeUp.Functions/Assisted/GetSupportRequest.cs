using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>GET api/services/{serviceId}/support-requests/{id}</c>: one request with how long it has
/// waited, for the service's managers and GDS, and for its front-line staff.
/// </summary>
public static class GetSupportRequest
{
    public static async Task<Results<Ok<SupportRequestDocument>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string id,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        SupportRequestStore requests,
        SupportWaiting waiting,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForOneRecordAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!Guid.TryParseExact(id, "D", out var requestId))
        {
            return Problems.Invalid([new InputError(0, "id", "A support request id looks like 0f8fad5b-d9cb-469f-a165-70867728950e.")], "request");
        }

        var request = await requests.FindAsync(service!.Id, requestId, cancellationToken);
        return request is null
            ? Problems.NotFound($"There is no support request {requestId:D} for {service.Id}.")
            : TypedResults.Ok(SupportRequestDocument.From(request, waiting, time.GetUtcNow()));
    }
}
