using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// <c>POST api/alerts/{id}/acknowledge</c> (the service's managers): records who saw it and when.
/// Acknowledging again changes nothing. An acknowledged alert still resolves when the service recovers.
/// </summary>
public sealed class AcknowledgeAlert(AlertStore alerts)
{
    [Function(nameof(AcknowledgeAlert))]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<AlertRecord>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/alerts/{id}/acknowledge")] HttpRequest request,
        string id) =>
        HandleAsync(id, request.HttpContext.User, alerts, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<AlertRecord>, ProblemHttpResult>> HandleAsync(string id, ClaimsPrincipal user, AlertStore alerts, CancellationToken cancellationToken)
    {
        if (!AlertKeys.TryReadService(id, out var service))
        {
            // Whatever its shape, it names no alert: the same 404 as an id of the right shape that is not there.
            return Problems.NotFound($"There is no alert '{id}'. Alert ids look like carers-allowance.digital-take-up.3; GET api/alerts lists the ones you may see.");
        }

        var caller = Caller.From(user);
        if (caller.Role != Roles.ServiceManager || !caller.MayRead(service))
        {
            return Problems.Forbidden($"Only the managers of '{service}' acknowledge its alerts.");
        }

        var alert = await alerts.AcknowledgeAsync(service, id, caller.Id, cancellationToken);
        return alert is null ? Problems.NotFound($"There is no alert '{id}'. GET api/alerts lists the ones you may see.") : TypedResults.Ok(alert);
    }
}
