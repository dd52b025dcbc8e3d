using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Usage;

/// <summary>
/// <c>GET api/services/{serviceId}/usage/revisions?from&amp;to</c> (service manager, GDS): every
/// restatement of the service's daily counts: when, by whom, old and new values.
/// </summary>
public sealed class ListUsageRevisions(ServiceCatalog catalog, UsageDailyStore usage, TimeProvider time)
{
    [Function(nameof(ListUsageRevisions))]
    [QueryParameters("from", "to")]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<IReadOnlyList<UsageRevision>>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}/usage/revisions")] HttpRequest request,
        string serviceId) =>
        HandleAsync(
            serviceId,
            request.Query["from"].FirstOrDefault(),
            request.Query["to"].FirstOrDefault(),
            request.HttpContext.User,
            catalog,
            usage,
            time,
            request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<IReadOnlyList<UsageRevision>>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string? from,
        string? to,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        UsageDailyStore usage,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var found = await ServiceAccess.FindAsync(serviceId, catalog, cancellationToken);
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        if (!Caller.From(user).MayRead(found.Service!.Id))
        {
            return Problems.Forbidden($"Your access does not cover the service '{serviceId}'.");
        }

        var errors = new List<InputError>();
        var toDate = QueryDates.Parse(to, "to", errors) ?? UkTime.DateOf(time.GetUtcNow());
        var fromDate = QueryDates.Parse(from, "from", errors) ?? toDate.AddDays(-90);
        QueryDates.CheckRange(fromDate, toDate, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "query");
        }

        return TypedResults.Ok(await usage.ReadRevisionsAsync(found.Service.Id, new DateRange(fromDate, toDate), cancellationToken));
    }
}
