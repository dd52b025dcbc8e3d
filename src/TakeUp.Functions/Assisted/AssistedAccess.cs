using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Domain.Services;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// The first step of every assisted-digital endpoint: a catalogued service (400 for a bad id, 404
/// for an unknown one), then the caller's scope for what the endpoint does (403), decided by
/// <see cref="Caller"/>.
/// </summary>
public static class AssistedAccess
{
    /// <summary>Front-line staff of the service: they log sessions and support requests.</summary>
    public static Task<(ServiceRecord? Service, ProblemHttpResult? Problem)> ForRecordingAsync(
        string serviceId, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken) =>
        FindAsync(serviceId, user, catalog, (caller, service) => caller.MayRecordSupportFor(service),
            $"Only front-line staff of '{serviceId}' may record assisted digital support for it.", cancellationToken);

    /// <summary>Service managers of the service and GDS: they read every record of it.</summary>
    public static Task<(ServiceRecord? Service, ProblemHttpResult? Problem)> ForReadingAsync(
        string serviceId, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken) =>
        FindAsync(serviceId, user, catalog, (caller, service) => caller.MayRead(service),
            $"Your access does not cover the service '{serviceId}'.", cancellationToken);

    /// <summary>Readers, and front-line staff of the service, who need to see what they recorded.</summary>
    public static Task<(ServiceRecord? Service, ProblemHttpResult? Problem)> ForOneRecordAsync(
        string serviceId, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken) =>
        FindAsync(serviceId, user, catalog, (caller, service) => caller.MayRead(service) || caller.MayRecordSupportFor(service),
            $"Your access does not cover the service '{serviceId}'.", cancellationToken);

    private static async Task<(ServiceRecord? Service, ProblemHttpResult? Problem)> FindAsync(
        string serviceId, ClaimsPrincipal user, ServiceCatalog catalog, Func<Caller, ServiceId, bool> allowed, string refusal, CancellationToken cancellationToken)
    {
        var found = await ServiceAccess.FindAsync(serviceId, catalog, cancellationToken);
        if (found.Problem is not null)
        {
            return found;
        }

        return allowed(Caller.From(user), found.Service!.Id)
            ? found
            : (null, Problems.Forbidden(refusal));
    }
}
