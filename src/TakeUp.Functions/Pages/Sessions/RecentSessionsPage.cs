using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Calendar;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Pages.Home;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Pages.Sessions;

/// <summary>
/// <c>GET sessions/recent</c> (front-line staff): the sessions logged under their staff reference
/// (the one this device remembers, or the one asked for) in the last 30 days, across their services.
/// </summary>
public sealed class RecentSessionsPage(PageRenderer pages, ServiceCatalog catalog, AssistedSessionStore sessions, TimeProvider time)
{
    public const int Days = 30;

    [Function(nameof(RecentSessionsPage))]
    [Authorize(Policy = Policies.Frontline)]
    [Page]
    [QueryParameters("staffReference")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/recent")] HttpRequest request)
    {
        var http = request.HttpContext;
        var staff = (request.Query["staffReference"].FirstOrDefault() is { Length: > 0 } asked ? asked : StaffReferenceCookie.Read(request))?.Trim();
        var found = new List<RecentSession>();
        if (staff is not null)
        {
            var caller = Caller.From(http.User);
            var today = UkTime.DateOf(time.GetUtcNow());
            var days = new DateRange(today.AddDays(1 - Days), today);
            foreach (var service in (await catalog.GetAllAsync(http.RequestAborted)).Values.Where(s => caller.MayRecordSupportFor(s.Id)))
            {
                var link = new ServiceLink(service.Id.Value, service.Name, service.DepartmentName);
                AssistedSessionCursor? cursor = null;
                do
                {
                    var page = await sessions.ListAsync(new AssistedSessionQuery(service.Id, days, null, null), cursor, 500, http.RequestAborted);
                    found.AddRange(page.Sessions.Where(s => string.Equals(s.StaffReference, staff, StringComparison.OrdinalIgnoreCase)).Select(s => new RecentSession(link, s)));
                    cursor = page.Next;
                }
                while (cursor is not null);
            }
        }

        var newestFirst = found.OrderByDescending(s => s.Session.When).ToList();
        return await pages.RenderAsync<RecentSessionsView, RecentSessionsModel>(http, new RecentSessionsModel(staff, Days, newestFirst));
    }
}
