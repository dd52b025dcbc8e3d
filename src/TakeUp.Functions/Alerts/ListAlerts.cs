using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// <c>GET api/alerts?service=&amp;state=open|resolved|all</c>: alerts of the services the caller
/// reads (service managers: theirs; GDS: all), newest first. Open by default.
/// </summary>
public sealed class ListAlerts(ServiceCatalog catalog, AlertStore alerts)
{
    [Function(nameof(ListAlerts))]
    [QueryParameters("service", "state")]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<IReadOnlyList<AlertRecord>>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/alerts")] HttpRequest request) =>
        HandleAsync(
            request.Query["service"].FirstOrDefault(),
            request.Query["state"].FirstOrDefault(),
            request.HttpContext.User,
            catalog,
            alerts,
            request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<IReadOnlyList<AlertRecord>>, ProblemHttpResult>> HandleAsync(
        string? service,
        string? state,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        AlertStore alerts,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (state is not (null or "open" or "resolved" or "all"))
        {
            return Problems.Invalid([new InputError(0, "state", $"'{state}' is not a state; use open, resolved or all.")], "query");
        }

        IEnumerable<ServiceRecord> services = (await catalog.GetAllAsync(cancellationToken)).Values.Where(s => caller.MayRead(s.Id));
        if (service is not null)
        {
            if (!ServiceId.TryParse(service, out var id))
            {
                return Problems.Invalid([new InputError(0, "service", ServiceId.Rule(service))], "query");
            }

            services = services.Where(s => s.Id == id).ToList();
            if (!services.Any())
            {
                return Problems.Forbidden($"Your access does not cover the service '{service}', or it is not in the catalogue.");
            }
        }

        var found = new List<AlertRecord>();
        foreach (var s in services)
        {
            found.AddRange((await alerts.ListAsync(s.Id, cancellationToken)).Where(a => state switch
            {
                "all" => true,
                "resolved" => !a.IsOpen,
                _ => a.IsOpen,
            }));
        }

        IReadOnlyList<AlertRecord> ordered = found.OrderByDescending(a => a.RaisedAt).ToList();
        return TypedResults.Ok(ordered);
    }
}
