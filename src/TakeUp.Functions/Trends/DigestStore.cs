using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Trends;

/// <summary>
/// Which weekly digests were sent, in <c>Alerts</c> under partition <c>digest|{week}</c>, row = a
/// hash of the manager's address: claimed before sending, so a rerun never sends twice.
/// </summary>
public sealed class DigestStore(StorageAccount storage, TimeProvider time)
{
    private TableClient Table => storage.Table(TableNames.Alerts);

    public async Task<bool> TryClaimAsync(string week, string manager, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition(week), Row(manager)) { ["Outcome"] = "sending", ["At"] = time.GetUtcNow() }, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task RecordAsync(string week, string manager, string outcome, string? detail, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(Partition(week), Row(manager)) { ["Outcome"] = outcome, ["Detail"] = detail, ["At"] = time.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>A digest that failed to send may be claimed again by the next run.</summary>
    public Task ReleaseAsync(string week, string manager, CancellationToken cancellationToken) =>
        Table.DeleteEntityAsync(Partition(week), Row(manager), default, cancellationToken);

    private static string Partition(string week) => "digest|" + week;

    private static string Row(string manager) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manager.ToLowerInvariant())))[..32];
}
