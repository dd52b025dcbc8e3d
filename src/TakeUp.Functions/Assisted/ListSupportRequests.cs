using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>GET api/services/{serviceId}/support-requests?status&amp;from&amp;to&amp;pageSize&amp;continuation</c>
/// (service managers, GDS): the service's support requests, all or of one status, opened on the
/// London dates <c>from</c> to <c>to</c> when given, most recently opened first, each with how long
/// it has waited; a page at a time, as the session list is.
/// </summary>
public sealed class ListSupportRequests(ServiceCatalog catalog, SupportRequestStore requests, SupportWaiting waiting, TimeProvider time)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    [Function(nameof(ListSupportRequests))]
    [QueryParameters("status", "from", "to", "pageSize", "continuation")]
    [Authorize(Policy = Policies.Readers)]
    public Task<Results<Ok<SupportRequestList>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/services/{serviceId}/support-requests")] HttpRequest request,
        string serviceId) =>
        HandleAsync(
            serviceId,
            request.Query["status"].FirstOrDefault(),
            request.Query["from"].FirstOrDefault(),
            request.Query["to"].FirstOrDefault(),
            request.Query["pageSize"].FirstOrDefault(),
            request.Query["continuation"].FirstOrDefault(),
            request.HttpContext.User,
            catalog,
            requests,
            waiting,
            time,
            request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<SupportRequestList>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string? status,
        string? from,
        string? to,
        string? pageSize,
        string? continuation,
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

        var errors = new List<InputError>();
        SupportRequestStatus? wanted = null;
        if (status is not null)
        {
            if (SupportRequestStatus.TryParse(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add(new InputError(0, "status", "The status is one of: open, resolved, withdrawn (or leave it out for all)."));
            }
        }

        var fromDate = QueryDates.Parse(from, "from", errors);
        var toDate = QueryDates.Parse(to, "to", errors);
        if (fromDate is { } f && toDate is { } t)
        {
            QueryDates.CheckRange(f, t, errors);
        }

        var size = DefaultPageSize;
        if (pageSize is not null
            && (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add(new InputError(0, "pageSize", $"'{SafeText.Quote(pageSize)}' is not a page size; use a whole number from 1 to {MaxPageSize} (default {DefaultPageSize})."));
        }

        (DateTimeOffset OpenedAt, Guid Id)? after = null;
        if (continuation is not null)
        {
            after = Cursor.Read(continuation);
            if (after is null)
            {
                errors.Add(new InputError(0, "continuation", "Not a continuation this list gave; start again without it, and pass on the one each page returns."));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "query");
        }

        var now = time.GetUtcNow();
        var matching = (await requests.ListAsync(service!.Id, wanted, cancellationToken))
            .Where(r => (fromDate is null || UkTime.DateOf(r.OpenedAt) >= fromDate) && (toDate is null || UkTime.DateOf(r.OpenedAt) <= toDate))
            .Where(r => after is not { } a || r.OpenedAt < a.OpenedAt || (r.OpenedAt == a.OpenedAt && r.Id.CompareTo(a.Id) > 0))
            .Take(size + 1)
            .ToList();
        var page = matching.Take(size).ToList();
        var next = matching.Count > size ? Cursor.Write(page[^1].OpenedAt, page[^1].Id) : null;
        return TypedResults.Ok(new SupportRequestList(page.Select(r => SupportRequestDocument.From(r, waiting, now)).ToList(), next));
    }

    /// <summary>Where a page ended: the last request's opening time and id, opaque to callers.</summary>
    private static class Cursor
    {
        public static string Write(DateTimeOffset openedAt, Guid id) =>
            System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{openedAt.UtcTicks}|{id:N}")));

        public static (DateTimeOffset OpenedAt, Guid Id)? Read(string text)
        {
            if (text.Length > 100 || !System.Buffers.Text.Base64Url.IsValid(text))
            {
                return null;
            }

            var parts = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(text)).Split('|');
            return parts.Length == 2
                && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id)
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
        }
    }
}
