using Microsoft.AspNetCore.Diagnostics;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Http;

/// <summary>
/// A storage outage on an HTTP request answers 503 problem+json with <c>Retry-After</c>, so a
/// client (or a person) knows to try again shortly and that nothing was recorded, instead of a
/// bare 500. Every other exception is left to the default handler.
/// </summary>
public sealed class StorageUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 10;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StorageOutage.Is(exception, httpContext.RequestAborted))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage is not answering.",
                Detail = $"The service could not reach its storage ({StorageOutage.Describe(exception)}), so nothing was read or recorded. " +
                         $"Try again in {RetryAfterSeconds} seconds; GET /api/health says when storage is back.",
            },
        });
    }
}
