using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Usage;

/// <summary>
/// <c>POST api/usage</c>: validates a whole submission of daily counts, then queues it and answers
/// 202 with a receipt. One bad row refuses the whole submission, with every error listed.
/// </summary>
public static class SubmitUsage
{
    /// <summary>Submissions up to 10 MB (about 200,000 rows).</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Accepted<UsageReceipt>, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        [FromQuery] string? mode,
        UsageIntake intake,
        UsageReceiptStore receipts,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Send the rows as JSON with Content-Type: application/json.");
        }

        UsageSubmissionDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<UsageSubmissionDocument>(request.Body, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"The body is not valid JSON: {ex.Message}");
        }

        if (document?.Rows is null)
        {
            return Problems.BadRequest("The body needs a 'rows' array, for example {\"rows\":[{\"date\":\"2026-11-20\",\"service\":\"carers-allowance\",\"channel\":\"online\",\"assisted\":\"no\",\"count\":120}]}.");
        }

        var requestedMode = mode ?? document.Mode;
        if (!CountingModes.TryParse(requestedMode, CountingMode.Totals, out var countingMode))
        {
            return Problems.Invalid([new InputError(0, "mode", CountingModes.UnknownReason(requestedMode))]);
        }

        var validation = UsageValidator.Validate(
            document.Rows.Select((row, i) => (row ?? new UsageRowDocument()).ToInput(i + 1)).ToList(),
            UkTime.DateOf(time.GetUtcNow()));
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var receiptId = await intake.AcceptAsync(validation.Rows, countingMode, submittedBy: null, cancellationToken);
        var receipt = await receipts.GetAsync(receiptId, cancellationToken);
        return TypedResults.Accepted($"/api/usage/receipts/{receiptId}", receipt!);
    }
}
