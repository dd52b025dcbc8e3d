namespace TakeUp.Functions.Storage;

/// <summary>The tables of design section 4 (plus receipts for usage batches and API keys); see docs/storage.md.</summary>
public static class TableNames
{
    public const string Services = "Services";
    public const string UsageDaily = "UsageDaily";
    public const string UsageReceipts = "UsageReceipts";
    public const string AssistedSessions = "AssistedSessions";
    public const string SupportRequests = "SupportRequests";
    public const string Receipts = "Receipts";
    public const string ApiKeys = "ApiKeys";
    public const string Trends = "Trends";
    public const string CrossGov = "CrossGov";
    public const string Alerts = "Alerts";

    /// <summary>The key ring that protects sign-in cookies and form tokens, shared by every instance.</summary>
    public const string DataProtectionKeys = "DataProtectionKeys";

    public static readonly IReadOnlyList<string> All =
        [Services, UsageDaily, UsageReceipts, AssistedSessions, SupportRequests, Receipts, ApiKeys, Trends, CrossGov, Alerts, DataProtectionKeys];
}
