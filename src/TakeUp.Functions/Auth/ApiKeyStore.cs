using System.Collections.Concurrent;
using Azure.Data.Tables;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Auth;

/// <summary>
/// API keys in <c>ApiKeys</c> (partition <c>key</c>, row = key id), with the key's SHA-256 hash.
/// Lookups are cached for <see cref="CacheFor"/>: a revocation takes effect at once on this
/// instance and within that time on others.
/// </summary>
public sealed class ApiKeyStore(StorageAccount storage, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string Partition = "key";

    private readonly ConcurrentDictionary<string, (TableEntity? Entity, DateTimeOffset FetchedAt)> _cache = new();

    private TableClient Table => storage.Table(TableNames.ApiKeys);

    public async Task<CreatedApiKey> CreateAsync(string name, string role, IReadOnlyList<string> services, string? department, string createdBy, CancellationToken cancellationToken)
    {
        var (id, key) = ApiKeySecret.Create();
        var entity = new TableEntity(Partition, id)
        {
            ["Hash"] = ApiKeySecret.Hash(key),
            ["Name"] = name,
            ["Role"] = role,
            ["Services"] = string.Join(',', services),
            ["Department"] = department,
            ["CreatedAt"] = time.GetUtcNow(),
            ["CreatedBy"] = createdBy,
        };
        await Table.AddEntityAsync(entity, cancellationToken);
        return new CreatedApiKey(key, ToRecord(entity));
    }

    /// <summary>The key's record when the key is genuine and not revoked; otherwise null.</summary>
    public async Task<ApiKeyRecord?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryReadId(key, out var id))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(id, out var cached) || now - cached.FetchedAt > CacheFor)
        {
            var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, null, cancellationToken);
            cached = (response.HasValue ? response.Value : null, now);
            _cache[id] = cached;
        }

        return cached.Entity is { } entity
            && entity.GetDateTimeOffset("RevokedAt") is null
            && ApiKeySecret.Matches(key, entity.GetString("Hash") ?? "")
            ? ToRecord(entity)
            : null;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new List<ApiKeyRecord>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(entity));
        }

        return records;
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, null, cancellationToken)).HasValue;

    /// <returns>The revoked record, or null when there is no such key.</returns>
    public async Task<ApiKeyRecord?> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, null, cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        if (entity.GetDateTimeOffset("RevokedAt") is null)
        {
            entity["RevokedAt"] = time.GetUtcNow();
            await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        }

        _cache.TryRemove(id, out _);
        return ToRecord(entity);
    }

    private static ApiKeyRecord ToRecord(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("Name") ?? "",
        entity.GetString("Role") ?? "",
        (entity.GetString("Services") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        entity.GetString("Department"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("CreatedBy") ?? "",
        entity.GetDateTimeOffset("RevokedAt"));
}
