using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Pages.Assets;

/// <summary>
/// <c>GET assets/{*path}</c>: the pages' CSS, JavaScript, fonts and images. Cached for a year when
/// the address pins the content (a fingerprinted font or image, or <c>?v=</c> with the current
/// hash), for an hour otherwise; an ETag answers revalidation with 304. Anything not listed, such
/// as <c>..%2f</c> or <c>%2e%2e</c>, is 404.
/// </summary>
public sealed class Assets(AssetFiles files)
{
    private const string Year = "public, max-age=31536000, immutable";
    private const string Hour = "public, max-age=3600";

    [Function(nameof(Assets))]
    [AllowAnonymous]
    [Rendering.Page]
    [QueryParameters("v")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "assets/{*path}")] HttpRequest request, string? path)
    {
        var file = path is null ? null : files.Find(path);
        if (file is null)
        {
            return Problems.NotFound($"There is no asset '{path}'. The pages link to every asset they use.");
        }

        var headers = request.HttpContext.Response.Headers;
        var pinned = AssetFiles.IsFingerprinted(file.Path) || request.Query["v"] == file.Hash;
        headers.CacheControl = pinned ? Year : Hour;
        headers.ETag = file.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (request.Headers.IfNoneMatch.Any(v => v is not null && EntityTagHeaderValue.TryParseList([v], out var tags) && tags.Any(t => t.Tag == file.ETag || t.Tag == "*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(file.Content, file.ContentType);
    }
}
