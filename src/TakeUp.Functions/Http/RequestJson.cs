using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Http;

/// <summary>
/// How every request body is read: JSON's web defaults, and a field the body's type does not have
/// is refused, naming it, rather than dropped (a usage row with a person's name in an extra field
/// must not be taken in with the name quietly ignored).
/// </summary>
public static partial class RequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The answer to a body that could not be read: 400 naming an unknown field (and its row), else saying why.</summary>
    public static ProblemHttpResult Problem(JsonException exception, string what = "submission")
    {
        if (Unmapped().Match(exception.Message) is { Success: true } unmapped)
        {
            var field = unmapped.Groups[1].Value;
            var path = exception.Path ?? "$";
            var row = RowIndex().Match(path) is { Success: true } index ? int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
            var where = path == "$" ? "" : $" (at {path})";
            return Problems.Invalid(
                [new InputError(row, field, $"'{Shorten(field)}' is not a field here{where}; remove it. Fields the API does not know are refused, so that nothing sent is silently dropped.")],
                what);
        }

        return Problems.BadRequest($"The body is not valid JSON of the expected form: {exception.Message}");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^The JSON property '(.*?)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"^\$\.rows\[(\d+)\]")]
    private static partial Regex RowIndex();
}
