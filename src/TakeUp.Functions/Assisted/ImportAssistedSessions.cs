using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// <c>POST api/services/{serviceId}/assisted-sessions/import</c> (front-line staff of the service):
/// sessions typed up from paper logs, as CSV (<see cref="AssistedSessionCsv"/>), all for the
/// route's service. One bad row refuses the whole file with every error listed by row, and nothing
/// is written; a valid file is written whole and answered 201 with the new ids in file order. At
/// most 5,000 rows and 5 MB. Under an Idempotency-Key each row's id comes from the key and the row
/// number, so a retry after a failure part-way rewrites the same records.
/// </summary>
public sealed class ImportAssistedSessions(ServiceCatalog catalog, AssistedSessionStore sessions, TimeProvider time)
{
    public const long MaxBodyBytes = 5 * 1024 * 1024;

    [Function(nameof(ImportAssistedSessions))]
    [Authorize(Policy = Policies.Frontline)]
    [Idempotent]
    [MaxRequestBodySize(MaxBodyBytes)]
    [RequestBody(typeof(string), "text/csv", "application/csv")]
    public Task<Results<Created<AssistedSessionImport>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/services/{serviceId}/assisted-sessions/import")] HttpRequest request,
        string serviceId) =>
        HandleAsync(serviceId, request.HttpContext, request.HttpContext.User, catalog, sessions, time, request.HttpContext.RequestAborted);

    public static async Task<Results<Created<AssistedSessionImport>, ProblemHttpResult>> HandleAsync(
        string serviceId,
        HttpContext http,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        AssistedSessionStore sessions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (service, problem) = await AssistedAccess.ForRecordingAsync(serviceId, user, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var request = http.Request;
        if (request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is not ("text/csv" or "application/csv"))
        {
            return Problems.UnsupportedMediaType($"Send the sessions as CSV with Content-Type: text/csv, under the header {AssistedSessionCsv.Header}.");
        }

        using var body = await ReadLimitedAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(
                title: "The file is too large.",
                detail: $"A file may be at most {MaxBodyBytes / 1024 / 1024} MB; split it into smaller files.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var reading = await AssistedSessionCsv.ReadAsync(body, service!.Id, cancellationToken);
        if (reading.Problem is not null)
        {
            return Problems.BadRequest(reading.Problem, "The CSV could not be read.");
        }

        var validation = AssistedSessionValidator.Validate(
            reading.Rows, time.GetUtcNow(), row => Idempotency.NewId(http, $"assisted-session|{row}"));
        if (!validation.IsValid || reading.LayoutErrors.Count > 0)
        {
            return Problems.Invalid(reading.LayoutErrors.Concat(validation.Errors).OrderBy(e => e.Row).ToList());
        }

        await sessions.WriteAsync(validation.Sessions, cancellationToken);
        return TypedResults.Created(
            (string?)null,
            new AssistedSessionImport(validation.Sessions.Count, validation.Sessions.Select(s => s.Id).ToList()));
    }

    /// <summary>The body in memory, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<MemoryStream?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
