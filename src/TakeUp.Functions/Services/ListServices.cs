using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Auth;

namespace TakeUp.Functions.Services;

/// <summary><c>GET api/services</c>: the catalogue, or the part of it the caller's scope covers.</summary>
public sealed class ListServices(ServiceCatalog catalog)
{
    [Function(nameof(ListServices))]
    [Authorize(Policy = Policies.Authenticated)]
    public Task<Ok<IReadOnlyList<ServiceDocument>>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services")] HttpRequest request) =>
        HandleAsync(request.HttpContext.User, catalog, request.HttpContext.RequestAborted);

    public static async Task<Ok<IReadOnlyList<ServiceDocument>>> HandleAsync(ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var services = await catalog.GetAllAsync(cancellationToken);
        IReadOnlyList<ServiceDocument> visible = services.Values
            .Where(caller.MaySee)
            .OrderBy(s => s.Department.Value, StringComparer.Ordinal)
            .ThenBy(s => s.Id.Value, StringComparer.Ordinal)
            .Select(s => ServiceDocument.For(caller, s))
            .ToList();
        return TypedResults.Ok(visible);
    }
}
