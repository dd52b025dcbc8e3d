namespace TakeUp.Storage;

/// <summary>How a write treats properties the entity already has.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties the new entity does not mention.</summary>
    Merge,

    /// <summary>Store exactly the new entity's properties.</summary>
    Replace,
}
