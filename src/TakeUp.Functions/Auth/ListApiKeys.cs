using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.Functions.Auth;

/// <summary><c>GET api/admin/keys</c> (admin): the key records, never the keys.</summary>
public sealed class ListApiKeys(ApiKeyStore keys)
{
    [Function(nameof(ListApiKeys))]
    [Authorize(Policy = Policies.Admin)]
    public Task<Ok<IReadOnlyList<ApiKeyRecord>>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/keys")] HttpRequest request) =>
        HandleAsync(keys, request.HttpContext.RequestAborted);

    public static async Task<Ok<IReadOnlyList<ApiKeyRecord>>> HandleAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));
}
