using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Pages.Components;
using TakeUp.Functions.Pages.Home;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Pages.SupportRequests;

/// <summary>
/// Support requests for front-line staff of a service (and, to read, its managers and GDS): the
/// open ones, opening one, and one request with a form to resolve or withdraw it. Each change goes
/// through the same validation and store as <c>api/services/{serviceId}/support-requests</c>.
/// </summary>
public sealed class SupportRequestPages(
    PageRenderer pages,
    IAntiforgery antiforgery,
    ServiceCatalog catalog,
    SupportRequestStore requests,
    AssistedSessionStore sessions,
    SupportWaiting waiting,
    TimeProvider time)
{
    [Function("SupportRequestsPage")]
    [Authorize(Policy = Policies.Authenticated)]
    [Page]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{serviceId}/support-requests")] HttpRequest request,
        string serviceId)
    {
        var http = request.HttpContext;
        var (service, problem) = await AssistedAccess.ForOneRecordAsync(serviceId, http.User, catalog, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var open = (await requests.ListAsync(service!.Id, SupportRequestStatus.Open, http.RequestAborted))
            .OrderBy(r => r.OpenedAt)
            .Select(r => new SupportRequestRow(r, waiting.Measure(r, now)))
            .ToList();
        return await pages.RenderAsync<SupportRequestListView, SupportRequestListModel>(
            http, new SupportRequestListModel(Link(service), open, Caller.From(http.User).MayRecordSupportFor(service.Id)));
    }

    [Function("OpenSupportRequestPage")]
    [Authorize(Policy = Policies.Frontline)]
    [Page]
    public async Task<IResult> OpenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "services/{serviceId}/support-requests/new")] HttpRequest request,
        string serviceId)
    {
        var http = request.HttpContext;
        var (service, problem) = await AssistedAccess.ForRecordingAsync(serviceId, http.User, catalog, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return await pages.RenderAsync<OpenSupportRequestView, OpenRequestModel>(http, new OpenRequestModel(Link(service!), OpenRequestForm.Empty, new()));
        }

        var (form, formProblem) = await PageForms.ReadAsync(http, antiforgery);
        if (formProblem is not null)
        {
            return formProblem;
        }

        var answers = OpenRequestForm.From(form!);
        var opened = await OpenSupportRequest.OpenAsync(service!, answers.ToBody(), Guid.NewGuid, requests, waiting, time, http.RequestAborted);
        if (opened.Result is Created<SupportRequestDocument> created)
        {
            return Results.Redirect($"/services/{service!.Id}/support-requests/{created.Value!.Id:D}");
        }

        if (FormRefusal.ErrorsOf(opened.Result) is { } errors)
        {
            var messages = FormRefusal.ToForm(errors, OpenRequestForm.FieldOrder, field => field switch
            {
                "route" when answers.Route is null => "Select how they asked for help",
                "reasons" when answers.Reasons.Count == 0 => "Select at least one reason they need help",
                _ => null,
            });
            return await pages.RenderAsync<OpenSupportRequestView, OpenRequestModel>(
                http, new OpenRequestModel(Link(service!), answers, messages), StatusCodes.Status400BadRequest);
        }

        return (IResult)opened.Result;
    }

    [Function("SupportRequestPage")]
    [Authorize(Policy = Policies.Authenticated)]
    [Page]
    [QueryParameters("changed")]
    public async Task<IResult> OneAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "services/{serviceId}/support-requests/{id:guid}")] HttpRequest request,
        string serviceId,
        Guid id)
    {
        var http = request.HttpContext;
        var post = HttpMethods.IsPost(request.Method);
        var (service, problem) = post
            ? await AssistedAccess.ForRecordingAsync(serviceId, http.User, catalog, http.RequestAborted)
            : await AssistedAccess.ForOneRecordAsync(serviceId, http.User, catalog, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var form = CloseRequestForm.Empty;
        var errors = new FormErrors();
        if (post)
        {
            var (posted, formProblem) = await PageForms.ReadAsync(http, antiforgery);
            if (formProblem is not null)
            {
                return formProblem;
            }

            form = CloseRequestForm.From(posted!);
            var changed = await UpdateSupportRequest.ChangeAsync(service!, id, form.ToBody(), requests, sessions, waiting, time, http.RequestAborted);
            if (changed.Result is Ok<SupportRequestDocument>)
            {
                return Results.Redirect($"/services/{service!.Id}/support-requests/{id:D}?changed=true");
            }

            if (FormRefusal.ErrorsOf(changed.Result) is not { } refused)
            {
                return (IResult)changed.Result;
            }

            errors = FormRefusal.ToForm(refused, CloseRequestForm.FieldOrder, field => field == "status" && form.Status is null
                ? "Select whether the request was resolved or withdrawn"
                : null);
        }

        var found = await requests.FindAsync(service!.Id, id, http.RequestAborted);
        if (found is null)
        {
            return Problems.NotFound($"There is no support request {id:D} for {service.Name}.");
        }

        var model = new SupportRequestModel(
            Link(service), new SupportRequestRow(found, waiting.Measure(found, time.GetUtcNow())), form, errors,
            Caller.From(http.User).MayRecordSupportFor(service.Id), request.Query["changed"] == "true");
        return await pages.RenderAsync<SupportRequestView, SupportRequestModel>(
            http, model, errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static ServiceLink Link(ServiceRecord service) => new(service.Id.Value, service.Name, service.DepartmentName);
}
