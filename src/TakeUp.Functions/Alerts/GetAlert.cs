using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Alerts;

/// <summary><c>GET api/alerts/{id}</c>: one alert with its deliveries (the link sent in alerts).</summary>
public sealed class GetAlert(AlertStore alerts)
{
    [Function(nameof(GetAlert))]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<AlertRecord>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/alerts/{id}")] HttpRequest request,
        string id) =>
        HandleAsync(id, request.HttpContext.User, alerts, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<AlertRecord>, ProblemHttpResult>> HandleAsync(string id, ClaimsPrincipal user, AlertStore alerts, CancellationToken cancellationToken)
    {
        if (!AlertKeys.TryReadService(id, out var service))
        {
            // Whatever its shape, it names no alert: the same 404 as an id of the right shape that is not there.
            return Problems.NotFound($"There is no alert '{id}'. Alert ids look like carers-allowance.digital-take-up.3; GET api/alerts lists the ones you may see.");
        }

        if (!Caller.From(user).MayRead(service))
        {
            return Problems.Forbidden($"Your access does not cover the service '{service}'.");
        }

        var alert = await alerts.GetAsync(service, id, cancellationToken);
        return alert is null ? Problems.NotFound($"There is no alert '{id}'. GET api/alerts lists the ones you may see.") : TypedResults.Ok(alert);
    }
}
