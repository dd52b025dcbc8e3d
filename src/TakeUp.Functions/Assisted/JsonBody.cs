using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Assisted;

/// <summary>Reads a JSON object body: 415 when it is not JSON, 400 when it cannot be read as an object.</summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not a JSON object of the expected form: {ex.Message}"));
        }

        return body is null
            ? (null, Problems.BadRequest($"The body must be a JSON object, for example {example}."))
            : (body, null);
    }
}
