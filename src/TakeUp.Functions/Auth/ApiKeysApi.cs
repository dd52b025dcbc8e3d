using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Auth;

/// <summary><c>api/admin/keys</c> (admin): create a key (shown once), list keys, revoke a key.</summary>
public static class CreateApiKey
{
    public static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> HandleAsync(
        ApiKeyRequest request, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "key request");
        }

        var created = await keys.CreateAsync(request.Name!.Trim(), request.Role!, request.Services ?? [], request.Department, Caller.From(user).Id, cancellationToken);
        return TypedResults.Created($"/api/admin/keys/{created.Record.Id}", created);
    }
}

public static class ListApiKeys
{
    public static async Task<Ok<IReadOnlyList<ApiKeyRecord>>> HandleAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));
}

public static class RevokeApiKey
{
    public static async Task<Results<Ok<ApiKeyRecord>, ProblemHttpResult>> HandleAsync(string id, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var revoked = await keys.RevokeAsync(id, cancellationToken);
        return revoked is null ? Problems.NotFound($"There is no API key '{id}'.") : TypedResults.Ok(revoked);
    }
}
