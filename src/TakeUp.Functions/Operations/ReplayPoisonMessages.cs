using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Operations;

/// <summary>
/// <c>POST api/admin/poison/{queue}/replay</c> (admin): moves messages from <c>{queue}-poison</c>
/// back to <c>{queue}</c>, all of them or those named by id, once the cause is fixed
/// (docs/operations.md). A dry run (the default) lists what would move and changes nothing. Each
/// message is sent to its queue before it is deleted from the poison queue, so a failure half way
/// leaves it in one queue or, at worst, in both (every queue function applies a message once
/// however often it arrives), never in neither.
/// </summary>
public sealed class ReplayPoisonMessages(StorageAccount storage, ILogger<ReplayPoisonMessages> logger)
{
    public const string Example = "{\"dryRun\":false,\"ids\":[\"0f8fad5b-d9cb-469f-a165-70867728950e\"]}";

    // Long enough to move a page of 32; a message not moved reappears in the poison queue after it.
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(60);

    [Function(nameof(ReplayPoisonMessages))]
    [Authorize(Policy = Policies.Admin)]
    [RequestBody(typeof(PoisonReplayRequest), "application/json")]
    public async Task<Results<Ok<PoisonReplayResult>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/poison/{queue}/replay")] HttpRequest request,
        string queue)
    {
        if (!QueueNames.All.Contains(queue))
        {
            return Problems.NotFound($"There is no queue '{SafeText.Quote(queue)}'; replay one of: {string.Join(", ", QueueNames.All)}.");
        }

        var (body, problem) = await JsonBody.ReadAsync<PoisonReplayRequest>(request, Example, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var errors = body!.Validate();
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "replay request");
        }

        var result = await ReplayAsync(queue, body.Ids?.ToHashSet(StringComparer.Ordinal), body.DryRun ?? true, request.HttpContext.RequestAborted);
        if (!result.DryRun)
        {
            Log.PoisonReplayed(logger, result.Moved, result.PoisonQueue, result.Queue);
        }

        return TypedResults.Ok(result);
    }

    private async Task<PoisonReplayResult> ReplayAsync(string queue, HashSet<string>? ids, bool dryRun, CancellationToken cancellationToken)
    {
        var target = storage.Queue(queue);
        var poison = storage.Queue(queue + "-poison");
        var listed = new List<PoisonMessage>();
        var moved = 0;
        if (dryRun)
        {
            // Peeking changes nothing (no dequeue count, nothing hidden) but sees at most 32.
            foreach (var message in (await poison.PeekMessagesAsync(QueueClientLimits.MaxMessages, cancellationToken)).Value)
            {
                if (ids is null || ids.Contains(message.MessageId))
                {
                    listed.Add(new PoisonMessage(message.MessageId, message.InsertedOn, message.DequeueCount, message.Body.ToMemory().Length));
                }
            }
        }
        else
        {
            // Receiving hides each message for the hold: those not asked for stay hidden while the
            // rest of the queue is looked through (so each receive reaches further), and are shown
            // again at the end. A page of nothing new (or nothing at all) ends the look.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var held = new Dictionary<string, string>(StringComparer.Ordinal);
            while (ids is null || listed.Count < ids.Count)
            {
                var page = (await poison.ReceiveMessagesAsync(QueueClientLimits.MaxMessages, Hold, cancellationToken)).Value;
                var newlySeen = 0;
                foreach (var message in page)
                {
                    newlySeen += seen.Add(message.MessageId) ? 1 : 0;
                    if (ids is not null && !ids.Contains(message.MessageId))
                    {
                        held[message.MessageId] = message.PopReceipt;
                        continue;
                    }

                    await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    listed.Add(new PoisonMessage(message.MessageId, message.InsertedOn, message.DequeueCount, message.Body.ToMemory().Length));
                    moved++;
                }

                if (newlySeen == 0)
                {
                    break;
                }
            }

            foreach (var (id, popReceipt) in held)
            {
                await poison.UpdateMessageAsync(id, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            }
        }

        var notFound = ids is null ? [] : ids.Except(listed.Select(m => m.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new PoisonReplayResult(queue, queue + "-poison", dryRun, moved, listed, notFound);
    }
}

/// <summary>The queue service's own limit on one receive or peek.</summary>
internal static class QueueClientLimits
{
    public const int MaxMessages = 32;
}
