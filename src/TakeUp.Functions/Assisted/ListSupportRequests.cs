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
/// <c>GET api/services/{serviceId}/support-requests?status=open|resolved|withdrawn</c> (service
/// managers, GDS): the service's support requests, all or of one status, most recently opened
/// first, each with how long it has waited.
/// </summary>
public sealed class ListSupportRequests(ServiceCatalog catalog, SupportRequestStore requests, SupportWaiting waiting, TimeProvider time)
{
    [Function(nameof(ListSupportRequests))]
    [QueryParameters("status")]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<SupportRequestList>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}/support-requests")] HttpRequest request,
        string serviceId) =>
        HandleAsync(
            serviceId,
            request.Query["status"].FirstOrDefault(),
            request.HttpContext.User,
            catalog,
            requests,
            waiting,
            time,
            request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<SupportRequestList>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string? status,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        SupportRequestStore requests,
        SupportWaiting waiting,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForReadingAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        SupportRequestStatus? wanted = null;
        if (status is not null)
        {
            if (!SupportRequestStatus.TryParse(status, out var parsed))
            {
                return Problems.Invalid([new InputError(0, "status", "The status is one of: open, resolved, withdrawn (or leave it out for all).")], "query");
            }

            wanted = parsed;
        }

        var now = time.GetUtcNow();
        var found = await requests.ListAsync(service!.Id, wanted, cancellationToken);
        return TypedResults.Ok(new SupportRequestList(found.Select(r => SupportRequestDocument.From(r, waiting, now)).ToList()));
    }
}
