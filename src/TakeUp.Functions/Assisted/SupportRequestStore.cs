using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Services;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// Support requests in <c>SupportRequests</c> (keys in <see cref="SupportRequestKeys"/>). Every change
/// is a conditional replace under the ETag the request was read with, so two changes never both
/// apply to the same version: the one that loses re-reads and decides again (a second "resolve"
/// then finds the request closed).
/// </summary>
public sealed class SupportRequestStore(StorageAccount storage, TimeProvider time)
{
    private const int MaxAttempts = 20;

    private TableClient Table => storage.Table(TableNames.SupportRequests);

    /// <summary>Adds the request; when one with its id exists already (a retry under the same Idempotency-Key), returns that one.</summary>
    public async Task<SupportRequest> AddAsync(SupportRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(request), cancellationToken);
            return request;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(request.Service, request.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Support request {request.Id} exists and cannot be read.", ex);
        }
    }

    public async Task<SupportRequest?> FindAsync(ServiceId service, Guid id, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(SupportRequestKeys.PartitionKey(service), SupportRequestKeys.RowKey(id), null, cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    /// <summary>The service's requests, with the status when one is given, most recently opened first.</summary>
    public async Task<IReadOnlyList<SupportRequest>> ListAsync(ServiceId service, SupportRequestStatus? status, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SupportRequestKeys.PartitionKey(service)}");
        if (status is not null)
        {
            filter += TableClient.CreateQueryFilter($" and Status eq {status.Name}");
        }

        var requests = new List<SupportRequest>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            requests.Add(FromEntity(entity));
        }

        return requests.OrderByDescending(r => r.OpenedAt).ThenBy(r => r.Id).ToList();
    }

    /// <summary>
    /// Changes one request atomically. <paramref name="change"/> is given the stored request (null
    /// when there is none) and says what it becomes (null: leave it) and what to answer; the new
    /// version is written only if the stored one has not changed since it was read, and otherwise
    /// the request is read and <paramref name="change"/> asked again.
    /// </summary>
    public async Task<TOutcome> UpdateAsync<TOutcome>(
        ServiceId service, Guid id, Func<SupportRequest?, (SupportRequest? Updated, TOutcome Outcome)> change, CancellationToken cancellationToken)
    {
        var table = Table;
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(SupportRequestKeys.PartitionKey(service), SupportRequestKeys.RowKey(id), null, cancellationToken);
            var (updated, outcome) = change(current.HasValue ? FromEntity(current.Value!) : null);
            if (updated is null || !current.HasValue)
            {
                return outcome;
            }

            if (updated.Id != id || updated.Service != service)
            {
                throw new InvalidOperationException("A change to a support request cannot change its id or service.");
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(updated), current.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return outcome;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Someone changed it since we read it: read it again and decide again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, cancellationToken);
            }
        }
    }

    /// <summary>Adds the session to the request's list (once), whatever the request's status.</summary>
    public Task LinkSessionAsync(ServiceId service, Guid requestId, Guid sessionId, CancellationToken cancellationToken) =>
        UpdateAsync(service, requestId, request =>
            request is null || request.SessionIds.Contains(sessionId)
                ? ((SupportRequest?)null, false)
                : (request with { SessionIds = [.. request.SessionIds, sessionId] }, true),
            cancellationToken);

    private static TableEntity ToEntity(SupportRequest request) =>
        new(SupportRequestKeys.PartitionKey(request.Service), SupportRequestKeys.RowKey(request.Id))
        {
            ["Id"] = request.Id,
            ["Service"] = request.Service.Value,
            ["Route"] = request.Route.Name,
            ["Reasons"] = string.Join(';', request.Reasons.Select(r => r.Name)),
            ["InclusionPoint"] = request.InclusionPoint?.Value,
            ["Notes"] = request.Notes,

            // Instants as text, to keep the offset they were given with.
            ["OpenedAt"] = request.OpenedAt.ToString("O", CultureInfo.InvariantCulture),
            ["Status"] = request.Status.Name,
            ["ClosedAt"] = request.ClosedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["ClosingNotes"] = request.ClosingNotes,
            ["SessionIds"] = string.Join(';', request.SessionIds.Select(id => id.ToString("D"))),
        };

    private static SupportRequest FromEntity(TableEntity entity)
    {
        var point = entity.GetInt32("InclusionPoint");
        var closedAt = entity.GetString("ClosedAt");
        return new SupportRequest(
            entity.GetGuid("Id") ?? throw Corrupt(entity),
            ServiceId.TryParse(entity.GetString("Service"), out var service) ? service : throw Corrupt(entity),
            SupportRoute.TryParse(entity.GetString("Route"), out var route) ? route : throw Corrupt(entity),
            (entity.GetString("Reasons") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(name => HelpReason.TryParse(name, out var reason) ? reason : throw Corrupt(entity))
                .ToList(),
            point is null ? null : InclusionScalePoint.Of(point.Value),
            entity.GetString("Notes"),
            DateTimeOffset.ParseExact(entity.GetString("OpenedAt") ?? throw Corrupt(entity), "O", CultureInfo.InvariantCulture),
            SupportRequestStatus.TryParse(entity.GetString("Status"), out var status) ? status : throw Corrupt(entity),
            closedAt is null ? null : DateTimeOffset.ParseExact(closedAt, "O", CultureInfo.InvariantCulture),
            entity.GetString("ClosingNotes"),
            (entity.GetString("SessionIds") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList());
    }

    private static InvalidOperationException Corrupt(TableEntity entity) =>
        new($"The stored support request ({entity.PartitionKey}, {entity.RowKey}) is missing a field or holds a value outside its vocabulary.");
}
