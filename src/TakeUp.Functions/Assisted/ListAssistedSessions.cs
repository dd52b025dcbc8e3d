using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>GET api/services/{serviceId}/assisted-sessions?from&amp;to&amp;route&amp;outcome&amp;pageSize&amp;continuation</c>
/// (service managers, GDS): the service's sessions on London days <c>from</c> to <c>to</c> (by
/// default the last 28 days to today; at most 366 days), optionally of one route and outcome,
/// newest first, a page at a time. <c>continuation</c> is null on the last page.
/// </summary>
public sealed class ListAssistedSessions(ServiceCatalog catalog, AssistedSessionStore sessions, TimeProvider time)
{
    public const int MaxRangeDays = 366;
    public const int DefaultRangeDays = 28;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    [Function(nameof(ListAssistedSessions))]
    [QueryParameters("from", "to", "route", "outcome", "pageSize", "continuation")]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<AssistedSessionList>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}/assisted-sessions")] HttpRequest request,
        string serviceId) =>
        HandleAsync(
            serviceId,
            request.Query["from"].FirstOrDefault(),
            request.Query["to"].FirstOrDefault(),
            request.Query["route"].FirstOrDefault(),
            request.Query["outcome"].FirstOrDefault(),
            request.Query["pageSize"].FirstOrDefault(),
            request.Query["continuation"].FirstOrDefault(),
            request.HttpContext.User,
            catalog,
            sessions,
            time,
            request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<AssistedSessionList>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string? from,
        string? to,
        string? route,
        string? outcome,
        string? pageSize,
        string? continuation,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        AssistedSessionStore sessions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForReadingAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<InputError>();
        var toDate = QueryDates.Parse(to, "to", errors) ?? UkTime.DateOf(time.GetUtcNow());
        var fromDate = QueryDates.Parse(from, "from", errors) ?? toDate.AddDays(-(DefaultRangeDays - 1));
        QueryDates.CheckRange(fromDate, toDate, errors);
        if (errors.Count == 0 && toDate.DayNumber - fromDate.DayNumber + 1 > MaxRangeDays)
        {
            errors.Add(new InputError(0, "from", $"The range is longer than {MaxRangeDays} days; ask for a year or less at a time."));
        }

        SupportRoute? routeFilter = null;
        if (route is not null)
        {
            if (SupportRoute.TryParse(route, out var parsed))
            {
                routeFilter = parsed;
            }
            else
            {
                errors.Add(new InputError(0, "route", SupportRoute.UnknownReason(SafeText.Quote(route))));
            }
        }

        SessionOutcome? outcomeFilter = null;
        if (outcome is not null)
        {
            if (SessionOutcome.TryParse(outcome, out var parsed))
            {
                outcomeFilter = parsed;
            }
            else
            {
                errors.Add(new InputError(0, "outcome", SessionOutcome.UnknownReason(SafeText.Quote(outcome))));
            }
        }

        var size = DefaultPageSize;
        if (pageSize is not null
            && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add(new InputError(0, "pageSize", $"'{SafeText.Quote(pageSize)}' is not a page size; use a whole number from 1 to {MaxPageSize} (default {DefaultPageSize})."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "query");
        }

        var query = new AssistedSessionQuery(service!.Id, new DateRange(fromDate, toDate), routeFilter, outcomeFilter);
        AssistedSessionCursor? after = null;
        if (!string.IsNullOrEmpty(continuation))
        {
            after = AssistedSessionCursor.Decode(continuation, query, out var cursorProblem);
            if (after is null)
            {
                return Problems.Invalid([new InputError(0, "continuation", cursorProblem!)], "query");
            }
        }

        var page = await sessions.ListAsync(query, after, size, cancellationToken);
        return TypedResults.Ok(new AssistedSessionList(
            page.Sessions.Select(AssistedSessionDocument.From).ToList(),
            page.Next?.Encode(query)));
    }
}
