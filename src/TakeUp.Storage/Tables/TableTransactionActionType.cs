namespace TakeUp.Storage;

public enum TableTransactionActionType
{
    /// <summary>Insert; fails with EntityAlreadyExists if the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity, under the action's ETag (or unconditionally when it has none).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity, under the action's ETag (or unconditionally when it has none).</summary>
    UpdateReplace,

    /// <summary>Insert, or merge into the entity if it exists.</summary>
    UpsertMerge,

    /// <summary>Insert, or replace the entity if it exists.</summary>
    UpsertReplace,

    /// <summary>Delete, under the action's ETag (or unconditionally when it has none).</summary>
    Delete,
}
