using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
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
/// <c>GET|POST services/{serviceId}/sessions/new</c> (front-line staff of the service): the form,
/// and logging it through the same validation and store as <c>POST api/…/assisted-sessions</c>.
/// A refused form comes back with every answer kept, the errors summarised at the top and each by
/// its field (400); a logged one goes to its confirmation.
/// </summary>
public sealed class LogSessionPage(
    PageRenderer pages, IAntiforgery antiforgery, ServiceCatalog catalog, AssistedSessionStore sessions, SupportRequestStore requests, TimeProvider time)
{
    [Function(nameof(LogSessionPage))]
    [Authorize(Policy = Policies.Frontline)]
    [Page]
    [QueryParameters("supportRequest")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "services/{serviceId}/sessions/new")] HttpRequest request,
        string serviceId)
    {
        var http = request.HttpContext;
        var (service, problem) = await AssistedAccess.ForRecordingAsync(serviceId, http.User, catalog, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var link = new ServiceLink(service!.Id.Value, service.Name, service.DepartmentName);
        if (!HttpMethods.IsPost(request.Method))
        {
            var blank = new SessionForm
            {
                When = TimeZoneInfo.ConvertTime(time.GetUtcNow(), UkTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                StaffReference = StaffReferenceCookie.Read(request),
                Provider = service.Department.Value,
                SupportRequestId = request.Query["supportRequest"].FirstOrDefault(),
            };
            return await pages.RenderAsync<LogSessionView, LogSessionModel>(http, new LogSessionModel(link, blank, new()));
        }

        var (form, formProblem) = await PageForms.ReadAsync(http, antiforgery);
        if (formProblem is not null)
        {
            return formProblem;
        }

        var answers = SessionForm.From(form!);
        var logged = await LogAssistedSession.LogAsync(service, answers.ToBody(), Guid.NewGuid, sessions, requests, time, http.RequestAborted);
        if (logged.Result is Created<AssistedSessionDocument> created)
        {
            StaffReferenceCookie.Remember(http.Response, created.Value!.StaffReference);
            return Results.Redirect($"/services/{service.Id}/sessions/{created.Value.Id:D}?logged=true");
        }

        return FormRefusal.ErrorsOf(logged.Result) is { } errors
            ? await pages.RenderAsync<LogSessionView, LogSessionModel>(
                http, new LogSessionModel(link, answers, FormRefusal.ToForm(errors, SessionForm.FieldOrder, answers.WhenEmpty)), StatusCodes.Status400BadRequest)
            : (IResult)logged.Result;
    }
}
