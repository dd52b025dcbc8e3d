using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Usage;

/// <summary>
/// <c>GET api/usage/receipts/{id}</c>: whether a submission is pending, applied or failed, and why.
/// An ingest key sees the receipts of its own submissions; GDS and admins see any.
/// </summary>
public sealed class GetUsageReceipt(UsageReceiptStore receipts)
{
    [Function(nameof(GetUsageReceipt))]
    [Authorize(Policy = Policies.Receipts)]
    public Task<Results<Ok<UsageReceipt>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/usage/receipts/{id}")] HttpRequest request,
        string id) =>
        HandleAsync(id, request.HttpContext.User, receipts, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<UsageReceipt>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, UsageReceiptStore receipts, CancellationToken cancellationToken)
    {
        if (!UsageKeys.IsValidBatchId(id))
        {
            return Problems.BadRequest($"'{id}' is not a receipt id.");
        }

        var receipt = await receipts.GetAsync(id, cancellationToken);
        var caller = Caller.From(user);
        if (receipt is null || (!caller.IsEveryService && receipt.SubmittedBy != caller.Id))
        {
            // Someone else's receipt is reported as absent, so ids cannot be probed.
            return Problems.NotFound($"There is no usage receipt '{id}' of yours.");
        }

        return TypedResults.Ok(receipt);
    }
}
