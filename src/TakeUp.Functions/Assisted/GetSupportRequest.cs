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
/// <c>GET api/services/{serviceId}/support-requests/{id}</c>: one request with how long it has
/// waited, for the service's managers and GDS, and for its front-line staff.
/// </summary>
public sealed class GetSupportRequest(ServiceCatalog catalog, SupportRequestStore requests, SupportWaiting waiting, TimeProvider time)
{
    [Function(nameof(GetSupportRequest))]
    [Authorize(Policy = Policies.Authenticated)]
    public Task<Results<Ok<SupportRequestDocument>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}/support-requests/{id}")] HttpRequest request,
        string serviceId,
        string id) =>
        HandleAsync(serviceId, id, request.HttpContext.User, catalog, requests, waiting, time, request.HttpContext.RequestAborted);

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
