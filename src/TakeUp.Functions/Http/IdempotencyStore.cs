using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Http;

/// <summary>A request already accepted under an Idempotency-Key, and the answer it got.</summary>
public sealed record IdempotencyRecord(
    string RequestHash,
    bool Completed,
    DateTimeOffset StartedAt,
    int StatusCode,
    string? Body,
    string? Location,
    Azure.ETag ETag);

/// <summary>
/// <c>Receipts</c> (design section 4): partition = the caller, row = a hash of the key (keys are
/// the caller's text, and hashing keeps any text safe in a row key).
/// </summary>
public sealed class IdempotencyStore(StorageAccount storage, TimeProvider time)
{
    private TableClient Table => storage.Table(TableNames.Receipts);

    public static string RowKeyFor(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    public async Task<IdempotencyRecord?> GetAsync(string caller, string idempotencyKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(caller, RowKeyFor(idempotencyKey), null, cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        return new IdempotencyRecord(
            e.GetString("RequestHash") ?? "",
            e.GetBoolean("Completed") ?? false,
            e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
            e.GetInt32("StatusCode") ?? 0,
            e.GetString("Body"),
            e.GetString("Location"),
            e.ETag);
    }

    /// <summary>Claims the key for a request about to run. False when someone else claimed it first.</summary>
    public async Task<bool> TryStartAsync(string caller, string idempotencyKey, string requestHash, IdempotencyRecord? abandoned, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(caller, RowKeyFor(idempotencyKey))
        {
            ["RequestHash"] = requestHash,
            ["Completed"] = false,
            ["StartedAt"] = time.GetUtcNow(),
        };
        try
        {
            if (abandoned is null)
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(entity, abandoned.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task CompleteAsync(string caller, string idempotencyKey, string requestHash, int statusCode, string body, string? location, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(caller, RowKeyFor(idempotencyKey))
            {
                ["RequestHash"] = requestHash,
                ["Completed"] = true,
                ["StartedAt"] = time.GetUtcNow(),
                ["StatusCode"] = statusCode,
                ["Body"] = body,
                ["Location"] = location,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Frees the key after a refused request, so the corrected request may use it.</summary>
    public Task ReleaseAsync(string caller, string idempotencyKey, CancellationToken cancellationToken) =>
        Table.DeleteEntityAsync(caller, RowKeyFor(idempotencyKey), default, cancellationToken);
}
