using TakeUp.Functions.Telemetry;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Usage;

/// <summary>
/// <c>POST api/usage</c> (ingest keys): validates a whole submission of daily counts, as JSON or
/// CSV, then queues it and answers 202 with a receipt. One bad row refuses the whole submission,
/// with every error listed (400); a row for a service outside the key's department refuses it
/// with 403. Nothing is queued either way.
/// </summary>
public sealed class SubmitUsage(ServiceCatalog catalog, UsageIntake intake, UsageReceiptStore receipts, TimeProvider time)
{
    /// <summary>Submissions up to 10 MB (about 200,000 rows).</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;


    [Function(nameof(SubmitUsage))]
    [QueryParameters("mode")]
    [Authorize(Policy = Policies.Ingest)]
    [Idempotent]
    [MaxRequestBodySize(MaxBodyBytes)]
    [RequestBody(typeof(UsageSubmissionDocument), "application/json", "text/csv", "application/csv")]
    public Task<Results<Accepted<UsageReceipt>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/usage")] HttpRequest request) =>
        HandleAsync(
            request.HttpContext,
            request.Query["mode"].FirstOrDefault(),
            request.HttpContext.User,
            catalog,
            intake,
            receipts,
            time,
            request.HttpContext.RequestAborted);

    public static async Task<Results<Accepted<UsageReceipt>, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        string? mode,
        ClaimsPrincipal user,
        ServiceCatalog catalog,
        UsageIntake intake,
        UsageReceiptStore receipts,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        IReadOnlyList<UsageRowInput> inputs;
        string? bodyMode = null;
        if (request.HasJsonContentType())
        {
            UsageSubmissionDocument? document;
            try
            {
                document = await JsonSerializer.DeserializeAsync<UsageSubmissionDocument>(request.Body, RequestJson.Options, cancellationToken);
            }
            catch (JsonException ex)
            {
                return RequestJson.Problem(ex);
            }

            if (document?.Rows is null)
            {
                return Problems.BadRequest("The body needs a 'rows' array, for example {\"rows\":[{\"date\":\"2026-11-20\",\"service\":\"carers-allowance\",\"channel\":\"online\",\"assisted\":\"no\",\"count\":120}]}.");
            }

            inputs = document.Rows.Select((row, i) => (row ?? new UsageRowDocument()).ToInput(i + 1)).ToList();
            bodyMode = document.Mode;
        }
        else if (IsCsv(request))
        {
            var (rows, layout, problem) = await UsageCsv.ReadAsync(request.Body, cancellationToken);
            if (problem is not null)
            {
                return Problems.BadRequest(problem, "The CSV could not be read.");
            }

            if (layout.Count > 0)
            {
                return Problems.Invalid(layout);
            }

            inputs = rows;
        }
        else
        {
            return Problems.UnsupportedMediaType("Send the rows as JSON (Content-Type: application/json) or CSV (Content-Type: text/csv).");
        }

        var requestedMode = mode ?? bodyMode;
        if (!CountingModes.TryParse(requestedMode, CountingMode.Totals, out var countingMode))
        {
            return Problems.Invalid([new InputError(0, "mode", CountingModes.UnknownReason(requestedMode))]);
        }

        var caller = Caller.From(user);
        var services = await catalog.GetAllAsync(cancellationToken);
        var outsideScope = new HashSet<ServiceId>();
        var validation = UsageValidator.Validate(inputs, UkTime.DateOf(time.GetUtcNow()), service => CheckService(caller, services, service, outsideScope));
        if (outsideScope.Count > 0)
        {
            // Not a mistake in the data but a caller acting beyond its rights: 403, naming each row.
            return Problems.Forbidden(
                $"This key may submit usage for {caller.Department?.Value ?? "no"} services only; the submission names {string.Join(", ", outsideScope.Order())}.",
                validation.Errors.Where(e => e.Field == "service" && e.Reason.StartsWith(OutsideScope, StringComparison.Ordinal)).ToList());
        }

        if (!validation.IsValid)
        {
            TakeUpTelemetry.BatchesRefused.Add(1, new KeyValuePair<string, object?>("takeup.source", "http"));
            return Problems.Invalid(validation.Errors);
        }

        var receiptId = Idempotency.NewId(http, "usage-receipt").ToString("N");
        await intake.AcceptAsync(receiptId, validation.Rows, countingMode, caller.Id, cancellationToken);
        var receipt = await receipts.GetAsync(receiptId, cancellationToken);
        return TypedResults.Accepted($"/api/usage/receipts/{receiptId}", receipt!);
    }

    private const string OutsideScope = "Outside this key's scope: ";

    private static string? CheckService(Caller caller, IReadOnlyDictionary<ServiceId, ServiceRecord> services, ServiceId service, HashSet<ServiceId> outsideScope)
    {
        if (!services.TryGetValue(service, out var record))
        {
            return $"'{service}' is not in the services catalogue.";
        }

        if (caller.MaySubmitUsageFor(record))
        {
            return null;
        }

        outsideScope.Add(service);
        return $"{OutsideScope}'{service}' belongs to {record.DepartmentName}.";
    }

    private static bool IsCsv(HttpRequest request) =>
        request.ContentType?.Split(';')[0].Trim() is "text/csv" or "application/csv";
}
