namespace TakeUp.Storage;

/// <summary>
/// The service's rules for an entity-group transaction, checked before sending so that a transaction that
/// could never succeed fails with a message naming the rule and the action.
/// </summary>
internal static class TableTransaction
{
    public const int MaxActions = 100;

    /// <summary>The whole <c>$batch</c> body may be at most 4 MiB.</summary>
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    public static IReadOnlyList<TableTransactionAction> Validate(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (list.Count > MaxActions)
        {
            throw new ArgumentException(
                $"A transaction holds at most {MaxActions} actions; this one has {list.Count}. Split it into several transactions.", nameof(actions));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? partitionKey = null;
        for (var i = 0; i < list.Count; i++)
        {
            var action = list[i] ?? throw new ArgumentException($"Transaction action {i} is null.", nameof(actions));
            if (!Enum.IsDefined(action.ActionType))
            {
                throw new ArgumentException($"Transaction action {i} has unknown action type {action.ActionType}.", nameof(actions));
            }

            var entity = action.Entity;
            partitionKey ??= entity.PartitionKey;
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All actions in a transaction must share one PartitionKey: action 0 has '{partitionKey}' but action {i} has '{entity.PartitionKey}'.",
                    nameof(actions));
            }

            TableKeys.ValidateKey(entity.RowKey, TableEntity.RowKeyName);
            if (!seen.Add(entity.RowKey))
            {
                throw new ArgumentException(
                    $"A transaction may touch each entity once, but action {i} repeats RowKey '{entity.RowKey}'.", nameof(actions));
            }
        }

        return list;
    }
}
