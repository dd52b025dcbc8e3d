using Microsoft.AspNetCore.Http.HttpResults;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.Usage;

/// <summary><c>GET api/usage/receipts/{id}</c>: whether a submission is pending, applied or failed, and why.</summary>
public static class GetUsageReceipt
{
    public static async Task<Results<Ok<UsageReceipt>, ProblemHttpResult>> HandleAsync(string id, UsageReceiptStore receipts, CancellationToken cancellationToken)
    {
        if (!UsageKeys.IsValidBatchId(id))
        {
            return Problems.BadRequest($"'{id}' is not a receipt id.");
        }

        var receipt = await receipts.GetAsync(id, cancellationToken);
        return receipt is null ? Problems.NotFound($"There is no usage receipt '{id}'.") : TypedResults.Ok(receipt);
    }
}
