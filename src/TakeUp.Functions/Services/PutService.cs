using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Services;

/// <summary><c>PUT api/services/{serviceId}</c> (admin): adds or replaces a catalogue entry.</summary>
public sealed class PutService(ServiceStore store, ServiceCatalog catalog)
{

    [Function(nameof(PutService))]
    [Authorize(Policy = Policies.Admin)]
    [RequestBody(typeof(ServicePutDocument), "application/json")]
    public Task<Results<Ok<ServiceDocument>, Created<ServiceDocument>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/services/{serviceId}")] HttpRequest request,
        string serviceId) =>
        HandleAsync(serviceId, request, request.HttpContext.User, store, catalog, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<ServiceDocument>, Created<ServiceDocument>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        HttpRequest request,
        ClaimsPrincipal user,
        ServiceStore store,
        ServiceCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Send the service as JSON with Content-Type: application/json.");
        }

        ServicePutDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<ServicePutDocument>(request.Body, RequestJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return RequestJson.Problem(ex, "service");
        }

        if (document is null)
        {
            return Problems.BadRequest("The body must be a JSON object describing the service.");
        }

        // What GET returns may be PUT back: its id is taken when it is the path's.
        if (document.Id is { } id && !string.Equals(id, serviceId, StringComparison.Ordinal))
        {
            return Problems.Invalid([new InputError(0, "id", $"The body is for '{SafeText.Quote(id)}' but the path for '{serviceId}'; leave id out or make them the same.")], "service");
        }

        var (service, errors) = ServiceValidator.Validate(document.ToInput(serviceId));
        if (service is null)
        {
            return Problems.Invalid(errors, "service");
        }

        var created = await store.PutAsync(service, Caller.From(user).Id, cancellationToken);
        catalog.Invalidate();
        var body = ServiceDocument.From(service);
        return created ? TypedResults.Created($"/api/services/{service.Id}", body) : TypedResults.Ok(body);
    }
}
