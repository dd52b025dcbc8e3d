using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Pages.Components;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>Turns the API's refusal of a submission (400 with its errors) into a form's errors.</summary>
public static partial class FormRefusal
{
    /// <summary>The errors of a refused submission, or null for any other answer (which the page passes on as it is).</summary>
    public static IReadOnlyList<InputError>? ErrorsOf(IResult result) =>
        result is ProblemHttpResult { StatusCode: StatusCodes.Status400BadRequest } refused
        && refused.ProblemDetails.Extensions.TryGetValue("errors", out var errors) && errors is IReadOnlyList<InputError> list
            ? list
            : null;

    /// <summary>
    /// Each error by its field, in the page's field order. A field left empty gets the page's own
    /// GOV.UK wording ("Select …", "Enter …") from <paramref name="whenEmpty"/>; every other reason is
    /// the validator's, which never repeats personal data it found.
    /// </summary>
    public static FormErrors ToForm(IEnumerable<InputError> errors, IReadOnlyList<string> fieldOrder, Func<string, string?> whenEmpty)
    {
        var form = new FormErrors();
        foreach (var error in errors)
        {
            form.Add(error.Field, whenEmpty(error.Field) ?? WithoutExcerpt(error.Reason));
        }

        return form.InFieldOrder(fieldOrder);
    }

    /// <summary>
    /// The API names what it found in free text by a masked excerpt (<c>("07700 ••••••")</c>) so a
    /// caller can find it in a long text; on a page the text is right beside the message, so the
    /// page says only what kind was found and repeats none of it.
    /// </summary>
    public static string WithoutExcerpt(string reason) => Excerpt().Replace(reason, "");

    [GeneratedRegex(@" \(""[^""]*""\)(?=\.)")]
    private static partial Regex Excerpt();
}
