using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Usage;

/// <summary>A queued batch that can never be applied; the queue moves it to <c>usage-batches-poison</c>.</summary>
public sealed class InvalidUsageBatchException(string? batchId, IReadOnlyList<InputError> errors)
    : Exception($"Usage batch '{batchId}' was refused: " + string.Join("; ", errors.Take(5).Select(e => $"row {e.Row} {e.Field}: {e.Reason}")))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
