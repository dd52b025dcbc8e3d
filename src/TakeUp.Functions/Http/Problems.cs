using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Http;

/// <summary>The problem+json answers the API gives (RFC 9457), in one place so they stay alike.</summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(IReadOnlyList<InputError> errors, string what = "submission") =>
        TypedResults.Problem(
            title: $"The {what} was refused; nothing was recorded.",
            detail: errors.Count == 1 ? errors[0].Reason : $"{errors.Count} problems were found; each is listed under 'errors'.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult BadRequest(string detail, string title = "The request could not be read.") =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found.", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(title: "Unsupported content type.", detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static ProblemHttpResult Forbidden(string detail, IReadOnlyList<InputError>? errors = null) =>
        TypedResults.Problem(
            title: "Not allowed.",
            detail: detail,
            statusCode: StatusCodes.Status403Forbidden,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Conflict(string detail, string title = "Conflict.") =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult Unprocessable(string detail, string title) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);
}
