using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Usage;
using TakeUp.Domain.Services;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>PATCH api/services/{serviceId}/support-requests/{id}</c> (front-line staff of the service):
/// resolves or withdraws an open request, links an assisted session of the service to it, or both
/// in one atomic change. A request already resolved or withdrawn is not closed again (409), and of
/// two concurrent closes one wins and the other gets 409. A session that is linked already is not
/// listed twice.
/// </summary>
public sealed class UpdateSupportRequest(
    ServiceCatalog catalog, SupportRequestStore requests, AssistedSessionStore sessions, SupportWaiting waiting, TimeProvider time)
{
    public const string Example = "{\"status\":\"resolved\",\"at\":\"2026-11-20T16:00\",\"sessionId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}";

    [Function(nameof(UpdateSupportRequest))]
    [Authorize(Policy = Policies.Frontline)]
    [Idempotent]
    [RequestBody(typeof(UpdateSupportRequestBody), "application/json")]
    public Task<Results<Ok<SupportRequestDocument>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/services/{serviceId}/support-requests/{id}")] HttpRequest request,
        string serviceId,
        string id) =>
        HandleAsync(serviceId, id, request.HttpContext, request.HttpContext.User, catalog, requests, sessions, waiting, time, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<SupportRequestDocument>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        string id,
        HttpContext http,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        SupportRequestStore requests,
        AssistedSessionStore sessions,
        SupportWaiting waiting,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForRecordingAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!Guid.TryParseExact(id, "D", out var requestId))
        {
            return Problems.Invalid([new InputError(0, "id", "A support request id looks like 0f8fad5b-d9cb-469f-a165-70867728950e.")], "request");
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<UpdateSupportRequestBody>(http.Request, Example, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        return await ChangeAsync(service!, requestId, body!, requests, sessions, waiting, time, cancellationToken);
    }

    /// <summary>Validates and applies one change to a request (the API's body, or the page's form as the same body).</summary>
    public static async Task<Results<Ok<SupportRequestDocument>, ProblemHttpResult>> ChangeAsync(
        ServiceRecord service,
        Guid requestId,
        UpdateSupportRequestBody body,
        SupportRequestStore requests,
        AssistedSessionStore sessions,
        SupportWaiting waiting,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (change, errors) = SupportRequestValidator.ValidateUpdate(body, now);
        if (change is null)
        {
            return Problems.Invalid(errors, "change");
        }

        if (change.SessionId is { } sessionId)
        {
            var session = await sessions.FindAsync(service.Id, sessionId, cancellationToken);
            if (session is null)
            {
                return Problems.Invalid([new InputError(1, "sessionId", $"There is no assisted session {sessionId:D} for {service.Id}; log it first, then link it.")], "change");
            }

            if (session.SupportRequestId is { } other && other != requestId)
            {
                return Problems.Invalid([new InputError(1, "sessionId", $"Session {sessionId:D} was logged against support request {other:D}, not this one.")], "change");
            }
        }

        var result = await requests.UpdateAsync<Results<Ok<SupportRequestDocument>, ProblemHttpResult>>(service.Id, requestId, current =>
        {
            if (current is null)
            {
                return (null, Problems.NotFound($"There is no support request {requestId:D} for {service.Id}."));
            }

            if (change.Status is not null && current.Status.IsClosed)
            {
                return (null, Problems.Conflict(
                    $"Support request {requestId:D} was {current.Status.Name} already, at {current.ClosedAt:yyyy-MM-dd HH:mm zzz}; a closed request is not closed again.",
                    "Already closed."));
            }

            if (change.Status is not null && change.At < current.OpenedAt)
            {
                return (null, Problems.Invalid(
                    [new InputError(1, "at", $"The request was opened at {current.OpenedAt:yyyy-MM-dd HH:mm zzz}; it cannot be {change.Status.Name} before that.")],
                    "change"));
            }

            var linked = change.SessionId is { } link && !current.SessionIds.Contains(link);
            if (linked && current.SessionIds.Count >= SupportRequest.MaxSessions)
            {
                return (null, Problems.Invalid(
                    [new InputError(1, "sessionId", $"Support request {requestId:D} has {SupportRequest.MaxSessions} sessions already; open a new request for further help.")],
                    "change"));
            }

            var updated = current with
            {
                Status = change.Status ?? current.Status,
                ClosedAt = change.Status is null ? current.ClosedAt : change.At,
                ClosingNotes = change.Status is null ? current.ClosingNotes : change.Notes,
                SessionIds = linked ? [.. current.SessionIds, change.SessionId!.Value] : current.SessionIds,
            };
            var answer = TypedResults.Ok(SupportRequestDocument.From(updated, waiting, now));
            return (change.Status is null && !linked ? null : updated, answer);
        }, cancellationToken);

        // The session records the link too, so both sides agree; after the request, so that a
        // repeat of this change (the link already on the request) still completes the session side.
        if (change.SessionId is { } linkedSession && result.Result is Ok<SupportRequestDocument>)
        {
            await sessions.LinkToRequestAsync(service.Id, linkedSession, requestId, cancellationToken);
        }

        return result;
    }
}
