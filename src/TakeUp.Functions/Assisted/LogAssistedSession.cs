using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;
using F = TakeUp.Domain.Assisted.AssistedSessionInput.Fields;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>POST api/services/{serviceId}/assisted-sessions</c> (front-line staff of the service): logs
/// one assisted session. 201 with the stored session; 400 with every error on row 1, nothing
/// written. Under an Idempotency-Key the session's id comes from the key, so a retry rewrites the
/// same record.
/// </summary>
public sealed class LogAssistedSession(ServiceCatalog catalog, AssistedSessionStore sessions, SupportRequestStore requests, TimeProvider time)
{
    public const string Example =
        "{\"when\":\"2026-11-20T14:30\",\"route\":\"in-person\",\"helpType\":\"guided\",\"provider\":\"dwp\",\"staffReference\":\"ab1234\"," +
        "\"reasons\":[\"lacks-confidence\"],\"durationMinutes\":30,\"outcome\":\"completed\",\"showedHowToDoItAlone\":true,\"wouldTryAlone\":\"yes\"}";

    [Function(nameof(LogAssistedSession))]
    [Authorize(Policy = Policies.Frontline)]
    [Idempotent]
    [RequestBody(typeof(AssistedSessionBody), "application/json")]
    public Task<Results<Created<AssistedSessionDocument>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/services/{serviceId}/assisted-sessions")] HttpRequest request,
        string serviceId) =>
        HandleAsync(serviceId, request.HttpContext, request.HttpContext.User, catalog, sessions, requests, time, request.HttpContext.RequestAborted);

    public static async Task<Results<Created<AssistedSessionDocument>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        HttpContext http,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        AssistedSessionStore sessions,
        SupportRequestStore requests,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForRecordingAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<AssistedSessionBody>(http.Request, Example, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        return await LogAsync(service!, body!, () => Idempotency.NewId(http, "assisted-session"), sessions, requests, time, cancellationToken);
    }

    /// <summary>Validates and records one session (the API's body, or the page's form as the same body); nothing is written when any field is refused.</summary>
    public static async Task<Results<Created<AssistedSessionDocument>, ProblemHttpResult>> LogAsync(
        ServiceRecord service,
        AssistedSessionBody body,
        Func<Guid> newId,
        AssistedSessionStore sessions,
        SupportRequestStore requests,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var input = body.ToInput(service.Id);
        var validation = AssistedSessionValidator.Validate([input], time.GetUtcNow(), _ => newId());
        var errors = validation.Errors.ToList();
        if (await CheckSupportRequestAsync(input.SupportRequestId, service.Id, requests, cancellationToken) is { } requestError)
        {
            errors.Add(requestError);
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var session = validation.Sessions[0];
        await sessions.WriteAsync([session], cancellationToken);
        if (session.SupportRequestId is { } requestId)
        {
            await requests.LinkSessionAsync(service.Id, requestId, session.Id, cancellationToken);
        }

        return TypedResults.Created($"/api/services/{service.Id}/assisted-sessions/{session.Id:D}", AssistedSessionDocument.From(session));
    }

    /// <summary>A well-formed support request id must name a request of the same service with room for another session.</summary>
    private static async Task<InputError?> CheckSupportRequestAsync(string? text, ServiceId service, SupportRequestStore requests, CancellationToken cancellationToken)
    {
        // A malformed id is reported by the validator; only a well-formed one is looked up.
        if (string.IsNullOrWhiteSpace(text) || !Guid.TryParseExact(text.Trim(), "D", out var id) || id == Guid.Empty)
        {
            return null;
        }

        var request = await requests.FindAsync(service, id, cancellationToken);
        if (request is null)
        {
            return new InputError(1, F.SupportRequestId,
                $"There is no support request {id:D} for {service}; copy the id shown on the request, or leave it out.");
        }

        return request.SessionIds.Count >= SupportRequest.MaxSessions
            ? new InputError(1, F.SupportRequestId, $"Support request {id:D} has {SupportRequest.MaxSessions} sessions already; open a new request for further help.")
            : null;
    }
}
