using TakeUp.Domain.Services;

namespace TakeUp.Functions.Services;

/// <summary>
/// The whole catalogue, read once and kept for <see cref="CacheFor"/>: it is small, read on every
/// submission, and changed rarely (a change made here is seen at once; one made by another
/// instance within that time).
/// </summary>
public sealed class ServiceCatalog(ServiceStore store, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyDictionary<ServiceId, ServiceRecord>> GetAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && time.GetUtcNow() - snapshot.ReadAt < CacheFor)
        {
            return snapshot.Services;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt >= CacheFor)
            {
                var services = await store.ListAsync(cancellationToken);
                snapshot = new Snapshot(services.ToDictionary(s => s.Id), time.GetUtcNow());
                _snapshot = snapshot;
            }

            return snapshot.Services;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async Task<ServiceRecord?> FindAsync(ServiceId id, CancellationToken cancellationToken) =>
        (await GetAllAsync(cancellationToken)).GetValueOrDefault(id);

    public void Invalidate() => _snapshot = null;

    private sealed record Snapshot(IReadOnlyDictionary<ServiceId, ServiceRecord> Services, DateTimeOffset ReadAt);
}
