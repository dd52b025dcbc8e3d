using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Auth;

/// <summary><c>POST api/admin/keys</c> (admin): creates a key, shown this once in the answer.</summary>
public sealed class CreateApiKey(ApiKeyStore keys, ServiceCatalog catalog)
{
    public const string Example = "{\"name\":\"DWP feed\",\"role\":\"ingest\",\"department\":\"dwp\"}";

    [Function(nameof(CreateApiKey))]
    [Authorize(Policy = Policies.Admin)]
    [RequestBody(typeof(ApiKeyRequest), "application/json")]
    public async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/keys")] HttpRequest request)
    {
        // The worker does not bind a JSON body as minimal APIs did; a body that is not a key request
        // is refused with 415 or 400 problem+json, as the bodies of the other functions are.
        var (body, problem) = await JsonBody.ReadAsync<ApiKeyRequest>(request, Example, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        return await HandleAsync(body!, request.HttpContext.User, keys, catalog, request.HttpContext.RequestAborted);
    }

    public static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> HandleAsync(
        ApiKeyRequest request, ClaimsPrincipal user, ApiKeyStore keys, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count == 0)
        {
            errors = request.CheckCatalogue(await catalog.GetAllAsync(cancellationToken));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "key request");
        }

        var created = await keys.CreateAsync(request.Name!.Trim(), request.Role!, request.Services ?? [], request.Department, Caller.From(user).Id, cancellationToken);
        return TypedResults.Created($"/api/admin/keys/{created.Record.Id}", created);
    }
}
