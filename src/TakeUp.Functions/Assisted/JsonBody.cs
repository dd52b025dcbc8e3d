using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Assisted;

/// <summary>Reads a JSON object body: 415 when it is not JSON, 400 when it cannot be read as an object or has a field its type does not.</summary>
public static class JsonBody
{
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType($"Send a JSON object with Content-Type: application/json, for example {example}."));
        }

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, RequestJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, RequestJson.Problem(ex, "request"));
        }

        return body is null
            ? (null, Problems.BadRequest($"The body must be a JSON object, for example {example}."))
            : (body, null);
    }
}
