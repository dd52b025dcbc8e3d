using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Auth;

/// <summary><c>DELETE api/admin/keys/{id}</c> (admin): revokes a key.</summary>
public sealed class RevokeApiKey(ApiKeyStore keys)
{
    [Function(nameof(RevokeApiKey))]
    [Authorize(Policy = Policies.Admin)]
    public Task<Results<Ok<ApiKeyRecord>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/keys/{id}")] HttpRequest request,
        string id) =>
        HandleAsync(id, keys, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<ApiKeyRecord>, ProblemHttpResult>> HandleAsync(string id, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var revoked = await keys.RevokeAsync(id, cancellationToken);
        return revoked is null ? Problems.NotFound($"There is no API key '{id}'.") : TypedResults.Ok(revoked);
    }
}
