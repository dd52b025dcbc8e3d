using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Services;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>POST api/services/{serviceId}/support-requests</c> (front-line staff of the service): records
/// help that could not be given at once, such as a home visit booked or a call-back, as open. 201
/// with the request; 400 with every error, nothing written.
/// </summary>
public sealed class OpenSupportRequest(ServiceCatalog catalog, SupportRequestStore requests, SupportWaiting waiting, TimeProvider time)
{
    public const string Example = "{\"route\":\"home-visit\",\"reasons\":[\"no-device\"],\"openedAt\":\"2026-11-20T10:15\"}";

    [Function(nameof(OpenSupportRequest))]
    [Authorize(Policy = Policies.Frontline)]
    [Idempotent]
    [RequestBody(typeof(OpenSupportRequestBody), "application/json")]
    public Task<Results<Created<SupportRequestDocument>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/services/{serviceId}/support-requests")] HttpRequest request,
        string serviceId) =>
        HandleAsync(serviceId, request.HttpContext, request.HttpContext.User, catalog, requests, waiting, time, request.HttpContext.RequestAborted);

    public static async Task<Results<Created<SupportRequestDocument>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        HttpContext http,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        SupportRequestStore requests,
        SupportWaiting waiting,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForRecordingAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<OpenSupportRequestBody>(http.Request, Example, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        return await OpenAsync(service!, body!, () => Idempotency.NewId(http, "support-request"), requests, waiting, time, cancellationToken);
    }

    /// <summary>Validates and opens one request (the API's body, or the page's form as the same body).</summary>
    public static async Task<Results<Created<SupportRequestDocument>, ProblemHttpResult>> OpenAsync(
        ServiceRecord service,
        OpenSupportRequestBody body,
        Func<Guid> newId,
        SupportRequestStore requests,
        SupportWaiting waiting,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (request, errors) = SupportRequestValidator.ValidateOpen(body, service.Id, now, newId);
        if (request is null)
        {
            return Problems.Invalid(errors, "support request");
        }

        var stored = await requests.AddAsync(request, cancellationToken);
        return TypedResults.Created(
            $"/api/services/{service.Id}/support-requests/{stored.Id:D}",
            SupportRequestDocument.From(stored, waiting, now));
    }
}
