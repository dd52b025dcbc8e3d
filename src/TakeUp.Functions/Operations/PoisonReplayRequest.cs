using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Operations;

/// <summary>The body of <c>POST api/admin/poison/{queue}/replay</c>.</summary>
public sealed record PoisonReplayRequest
{
    /// <summary>The poison queue's message ids to move back; all of them when left out.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>True to list what would move without moving anything. Defaults to true: moving is asked for explicitly.</summary>
    public bool? DryRun { get; init; }

    public const int MaxIds = 1_000;

    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (Ids is { Count: 0 })
        {
            errors.Add(new InputError(0, "ids", "'ids' is empty; leave it out to replay every message, or list the ids to replay."));
        }

        if (Ids is { Count: > MaxIds })
        {
            errors.Add(new InputError(0, "ids", $"{Ids.Count} ids; give at most {MaxIds} at a time, or leave 'ids' out to replay every message."));
        }

        if (Ids?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add(new InputError(0, "ids", "An id is blank; give the ids as the dry run lists them."));
        }

        return errors;
    }
}

/// <summary>One message of a poison queue, as the replay lists it: never its content, which may be large.</summary>
public sealed record PoisonMessage(string Id, DateTimeOffset? InsertedOn, long DequeueCount, int Bytes);

/// <summary>The answer: what was (or, in a dry run, would be) moved back, and the ids asked for that were not found.</summary>
public sealed record PoisonReplayResult(string Queue, string PoisonQueue, bool DryRun, int Moved, IReadOnlyList<PoisonMessage> Messages, IReadOnlyList<string> NotFound);
