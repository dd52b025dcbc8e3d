using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;
using TakeUp.Functions.Auth;

namespace TakeUp.Functions.Http;

/// <summary>
/// <c>Idempotency-Key</c> for the POSTs that create things (design invariant 1). The first request
/// with a key runs; a repeat with the same body gets the stored answer and changes nothing; a
/// repeat with a different body is refused (422); one that arrives while the first still runs is
/// told to wait (409). Ids made while handling a keyed request are derived from the key
/// (<see cref="NewId"/>), so a retry after a crash rewrites the same records instead of new ones.
/// </summary>
/// <remarks>Worker middleware, run for the functions marked <see cref="IdempotentAttribute"/>.</remarks>
public sealed class Idempotency(IdempotencyStore store, IOptions<JsonOptions> json, TimeProvider time) : IFunctionsWorkerMiddleware
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>After this, a request that claimed a key and never finished (a crash) is taken over by its retry.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private const int MaxKeyLength = 255;
    private static readonly object SeedItem = new();

    /// <summary>A new id: random, or derived from the request's idempotency key and <paramref name="purpose"/>.</summary>
    public static Guid NewId(HttpContext context, string purpose)
    {
        if (context.Items[SeedItem] is not string seed)
        {
            return Guid.NewGuid();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + purpose));
        return new Guid(hash.AsSpan(0, 16));
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext()!;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
        {
            await next(context);
            return;
        }

        // The body is read twice: hashed here, and bound by the function.
        http.Request.EnableBuffering();
        var result = context.GetInvocationResult();
        result.Value = await RunOnceAsync(http, key, context, next);
    }

    private async Task<object?> RunOnceAsync(HttpContext http, string key, FunctionContext context, FunctionExecutionDelegate next)
    {
        if (key.Length > MaxKeyLength || key.Any(c => c < 0x20 || c > 0x7e))
        {
            return Problems.BadRequest($"{HeaderName} must be 1 to {MaxKeyLength} printable ASCII characters; a random UUID is ideal.");
        }

        var caller = Caller.From(http.User).Id;
        var requestHash = await HashRequestAsync(http.Request);
        var cancellationToken = http.RequestAborted;

        var existing = await store.GetAsync(caller, key, cancellationToken);
        if (existing is not null && existing.RequestHash != requestHash)
        {
            return Problems.Unprocessable(
                $"This {HeaderName} was already used for a different request. Use a new key for a new request.",
                "Idempotency-Key reused.");
        }

        if (existing is { Completed: true })
        {
            return Replay(http, existing);
        }

        var abandoned = existing is not null && time.GetUtcNow() - existing.StartedAt > AbandonedAfter ? existing : null;
        if ((existing is not null && abandoned is null) || !await store.TryStartAsync(caller, key, requestHash, abandoned, cancellationToken))
        {
            http.Response.Headers.RetryAfter = "2";
            return Problems.Conflict($"A request with this {HeaderName} is still being handled. Retry shortly to get its answer.", "Request in progress.");
        }

        http.Items[SeedItem] = caller + "|" + key;
        object? result;
        try
        {
            await next(context);
            result = context.GetInvocationResult().Value;
        }
        catch
        {
            await store.ReleaseAsync(caller, key, CancellationToken.None);
            throw;
        }

        // Handlers return Results<…> unions: the answer itself is nested inside.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult { Value: { } value })
        {
            var body = JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
            await store.CompleteAsync(caller, key, requestHash, success.StatusCode!.Value, body, LocationOf(answer), CancellationToken.None);
        }
        else
        {
            await store.ReleaseAsync(caller, key, CancellationToken.None);
        }

        return result;
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord record)
    {
        http.Response.Headers[ReplayedHeaderName] = "true";
        if (record.Location is not null)
        {
            http.Response.Headers.Location = record.Location;
        }

        return Results.Text(record.Body ?? "", "application/json", Encoding.UTF8, record.StatusCode);
    }

    // Created<T> and Accepted<T> both carry the new resource's address as Location.
    private static string? LocationOf(object result) => result switch
    {
        IResult r when r.GetType().GetProperty("Location")?.GetValue(r) is string location => location,
        _ => null,
    };

    /// <summary>
    /// What the request means: method, path, query, content type and body. A JSON body is hashed in
    /// a canonical form (no insignificant whitespace, object members sorted by name), so the same
    /// request written out differently is the same request; any other body by its bytes.
    /// </summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString} {request.ContentType}\n"));
        if (request.HasJsonContentType() && await CanonicalJsonAsync(request) is { } canonical)
        {
            sha.AppendData(canonical);
        }
        else
        {
            request.Body.Position = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <returns>The body as canonical JSON, or null when it is not JSON (then its bytes count).</returns>
    private static async Task<byte[]?> CanonicalJsonAsync(HttpRequest request)
    {
        System.Text.Json.Nodes.JsonNode? node;
        try
        {
            node = await System.Text.Json.Nodes.JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
        {
            // Not JSON, or an object naming a member twice: its bytes are what it means.
            return null;
        }

        using var output = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(output))
        {
            WriteCanonical(writer, node);
        }

        return output.ToArray();
    }

    private static void WriteCanonical(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case System.Text.Json.Nodes.JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                // Strings and numbers as written (1.0 and 1 stay different: the API reads counts as text).
                node.WriteTo(writer);
                break;
        }
    }
}
