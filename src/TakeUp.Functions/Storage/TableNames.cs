namespace TakeUp.Functions.Storage;

/// <summary>The tables of design section 4 (plus receipts for usage batches); see docs/storage.md.</summary>
public static class TableNames
{
    public const string UsageDaily = "UsageDaily";
    public const string UsageReceipts = "UsageReceipts";

    public static readonly IReadOnlyList<string> All = [UsageDaily, UsageReceipts];
}
