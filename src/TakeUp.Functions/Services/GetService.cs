using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Services;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Services;

/// <summary><c>GET api/services/{serviceId}</c>: one catalogue entry, within the caller's scope.</summary>
public sealed class GetService(ServiceCatalog catalog)
{
    [Function(nameof(GetService))]
    [Authorize(Policy = Policies.Authenticated)]
    public Task<Results<Ok<ServiceDocument>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}")] HttpRequest request,
        string serviceId) =>
        HandleAsync(serviceId, request.HttpContext.User, catalog, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<ServiceDocument>, ProblemHttpResult>> HandleAsync(
        string serviceId, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        var found = await ServiceAccess.FindAsync(serviceId, catalog, cancellationToken);
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var caller = Caller.From(user);
        return caller.MaySee(found.Service!)
            ? TypedResults.Ok(ServiceDocument.For(caller, found.Service!))
            : Problems.Forbidden($"Your access does not cover the service '{serviceId}'.");
    }
}

/// <summary>The common first step of every per-service endpoint: a valid id of a catalogued service.</summary>
public static class ServiceAccess
{
    public static async Task<(ServiceRecord? Service, ProblemHttpResult? Problem)> FindAsync(string serviceId, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        if (!ServiceId.TryParse(serviceId, out var id))
        {
            return (null, Problems.Invalid([new Domain.Usage.InputError(0, "serviceId", ServiceId.Rule(serviceId))], "request"));
        }

        var service = await catalog.FindAsync(id, cancellationToken);
        return service is null
            ? (null, Problems.NotFound($"There is no service '{serviceId}' in the catalogue."))
            : (service, null);
    }
}
