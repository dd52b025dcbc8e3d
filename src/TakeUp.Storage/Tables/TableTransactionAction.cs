using Azure;

namespace TakeUp.Storage;

/// <summary>One operation of an entity-group transaction.</summary>
/// <param name="actionType">What to do with the entity.</param>
/// <param name="entity">The entity; for deletes only its keys are used.</param>
/// <param name="etag">
/// For updates and deletes, the version the entity must still have; <c>default</c> means any version (<c>*</c>).
/// Ignored for adds and upserts.
/// </param>
public sealed class TableTransactionAction(TableTransactionActionType actionType, TableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public TableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;

    public override string ToString() => $"{ActionType} ({Entity.PartitionKey}, {Entity.RowKey})";
}
