using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.Functions.OpenApi;

/// <summary><c>GET api/openapi.json</c>: the API's description, built once from the functions.</summary>
public sealed class OpenApi
{
    private static readonly Lazy<string> Document = new(() => OpenApiDocument.Build(typeof(OpenApi).Assembly).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    [Function(nameof(OpenApi))]
    [AllowAnonymous]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        Results.Text(Document.Value, "application/json");
}
