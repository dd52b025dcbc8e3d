using System.Globalization;
using Azure.Data.Tables;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Assisted;

/// <summary>What a page of sessions is asked for: a service, London days, and optionally a route and an outcome.</summary>
public sealed record AssistedSessionQuery(ServiceId Service, DateRange Days, SupportRoute? Route, SessionOutcome? Outcome);

/// <summary>One page of sessions, newest first, and where the next page starts (null at the end).</summary>
public sealed record AssistedSessionPage(IReadOnlyList<AssistedSession> Sessions, AssistedSessionCursor? Next);

/// <summary>
/// Assisted sessions in <c>AssistedSessions</c> (keys in <see cref="AssistedSessionKeys"/>). A
/// session holds exactly its validated fields: what was done, never who was helped (design
/// invariant 4). Sessions are never changed once written; writing the same id again (a retry under
/// an Idempotency-Key) rewrites the same rows with the same values.
/// </summary>
public sealed class AssistedSessionStore(StorageAccount storage, ILogger<AssistedSessionStore> logger)
{
    private const int MaxWritesInParallel = 8;
    private const int TableTransactionLimit = 100;

    private TableClient Table => storage.Table(TableNames.AssistedSessions);

    /// <summary>
    /// Writes the sessions: index rows first, so every session that can be listed can also be
    /// fetched by id, then the sessions, in entity-group transactions of up to 100 per partition.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<AssistedSession> sessions, CancellationToken cancellationToken)
    {
        var table = Table;
        var index = sessions.Select(IndexEntity);
        var rows = sessions.Select(ToEntity);
        foreach (var entities in new[] { index, rows })
        {
            var transactions = entities
                .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
                .SelectMany(partition => partition.Chunk(TableTransactionLimit))
                .ToList();
            await Parallel.ForEachAsync(
                transactions,
                new ParallelOptions { MaxDegreeOfParallelism = MaxWritesInParallel, CancellationToken = cancellationToken },
                async (chunk, ct) => await table.SubmitTransactionAsync(
                    chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
        }

        // Ids and counts only: a session's notes and site never reach a log (design invariant 4).
        Logging.Log.AssistedSessionsWritten(logger, sessions.Count, string.Join(",", sessions.Select(s => s.Service.Value).Distinct()));
    }

    /// <summary>The service's session with this id, or null.</summary>
    public async Task<AssistedSession?> FindAsync(ServiceId service, Guid id, CancellationToken cancellationToken)
    {
        var table = Table;
        var index = await table.GetEntityIfExistsAsync<TableEntity>(AssistedSessionKeys.IndexPartitionKey(service), AssistedSessionKeys.IndexRowKey(id), null, cancellationToken);
        if (!index.HasValue)
        {
            return null;
        }

        var partitionKey = index.Value!.GetString("SessionPartitionKey") ?? throw Corrupt(index.Value);
        var rowKey = index.Value.GetString("SessionRowKey") ?? throw Corrupt(index.Value);
        var session = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, null, cancellationToken);

        // An index row without its session is a write that has not finished (or crashed): the session does not exist yet.
        return session.HasValue ? FromEntity(session.Value!) : null;
    }

    /// <summary>
    /// Records on the session the support request it was linked to, so that both sides agree. Safe
    /// to repeat; a session linked to another request is left as it is (the caller refuses that).
    /// </summary>
    public async Task LinkToRequestAsync(ServiceId service, Guid sessionId, Guid requestId, CancellationToken cancellationToken)
    {
        var table = Table;
        var index = await table.GetEntityIfExistsAsync<TableEntity>(AssistedSessionKeys.IndexPartitionKey(service), AssistedSessionKeys.IndexRowKey(sessionId), null, cancellationToken);
        if (!index.HasValue)
        {
            return;
        }

        var partitionKey = index.Value!.GetString("SessionPartitionKey") ?? throw Corrupt(index.Value);
        var rowKey = index.Value.GetString("SessionRowKey") ?? throw Corrupt(index.Value);
        var session = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, null, cancellationToken);
        if (!session.HasValue || session.Value!.GetGuid("SupportRequestId") is not null)
        {
            return;
        }

        try
        {
            await table.UpdateEntityAsync(new TableEntity(partitionKey, rowKey) { ["SupportRequestId"] = requestId }, session.Value.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 412)
        {
            // Changed since read (a rewrite of the same session): read again and decide again.
            await LinkToRequestAsync(service, sessionId, requestId, cancellationToken);
        }
    }

    /// <summary>
    /// Up to <paramref name="pageSize"/> sessions matching the query, newest first, after the
    /// cursor when one is given. One session more than the page is read, so the cursor returned is
    /// null exactly when nothing follows.
    /// </summary>
    public async Task<AssistedSessionPage> ListAsync(
        AssistedSessionQuery query, AssistedSessionCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var table = Table;
        var start = UkTime.StartOf(query.Days.From);
        var end = UkTime.StartOf(query.Days.To.AddDays(1));
        var (fromRowKey, toRowKey) = AssistedSessionKeys.RowKeyRange(start, end);
        var wanted = pageSize + 1;
        var found = new List<TableEntity>(wanted);

        foreach (var month in MonthsNewestFirst(query.Days))
        {
            if (after is not null && string.CompareOrdinal(month, after.Month) > 0)
            {
                continue; // a month already read in full on earlier pages
            }

            var partitionKey = AssistedSessionKeys.MonthPartitionKey(query.Service, month);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {fromRowKey} and RowKey lt {toRowKey}");
            if (after is not null && month == after.Month)
            {
                filter += TableClient.CreateQueryFilter($" and RowKey gt {after.RowKey}");
            }

            if (query.Route is not null)
            {
                filter += TableClient.CreateQueryFilter($" and Route eq {query.Route.Name}");
            }

            if (query.Outcome is not null)
            {
                filter += TableClient.CreateQueryFilter($" and Outcome eq {query.Outcome.Name}");
            }

            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(wanted - found.Count, 1000), cancellationToken: cancellationToken))
            {
                found.Add(entity);
                if (found.Count == wanted)
                {
                    break;
                }
            }

            if (found.Count == wanted)
            {
                break;
            }
        }

        if (found.Count < wanted)
        {
            return new AssistedSessionPage(found.Select(FromEntity).ToList(), null);
        }

        var page = found.Take(pageSize).ToList();
        var last = page[^1];
        var next = new AssistedSessionCursor(AssistedSessionKeys.MonthOf(query.Service, last.PartitionKey), last.RowKey);
        return new AssistedSessionPage(page.Select(FromEntity).ToList(), next);
    }

    /// <summary>The <c>yyyyMM</c> months the London days fall in, latest first.</summary>
    public static IEnumerable<string> MonthsNewestFirst(DateRange days)
    {
        for (var month = new DateOnly(days.To.Year, days.To.Month, 1); month >= new DateOnly(days.From.Year, days.From.Month, 1); month = month.AddMonths(-1))
        {
            yield return month.ToString("yyyyMM", CultureInfo.InvariantCulture);
        }
    }

    private static TableEntity IndexEntity(AssistedSession session) =>
        new(AssistedSessionKeys.IndexPartitionKey(session.Service), AssistedSessionKeys.IndexRowKey(session.Id))
        {
            ["SessionPartitionKey"] = AssistedSessionKeys.PartitionKey(session.Service, session.When),
            ["SessionRowKey"] = AssistedSessionKeys.RowKey(session.When, session.Id),
        };

    private static TableEntity ToEntity(AssistedSession session) =>
        new(AssistedSessionKeys.PartitionKey(session.Service, session.When), AssistedSessionKeys.RowKey(session.When, session.Id))
        {
            ["Id"] = session.Id,
            ["Service"] = session.Service.Value,

            // As text, to keep the offset it was given with (the Table service keeps instants in UTC only).
            ["When"] = session.When.ToString("O", CultureInfo.InvariantCulture),
            ["Route"] = session.Route.Name,
            ["HelpType"] = session.HelpType.Name,
            ["Provider"] = session.Provider,
            ["Site"] = session.Site,
            ["StaffReference"] = session.StaffReference,
            ["InclusionPoint"] = session.InclusionPoint?.Value,
            ["Reasons"] = string.Join(';', session.Reasons.Select(r => r.Name)),
            ["DurationMinutes"] = session.DurationMinutes,
            ["Outcome"] = session.Outcome.Name,
            ["ShowedHowToDoItAlone"] = session.ShowedHowToDoItAlone,
            ["WouldTryAlone"] = session.WouldTryAlone.Name,
            ["Notes"] = session.Notes,
            ["SupportRequestId"] = session.SupportRequestId,
        };

    private static AssistedSession FromEntity(TableEntity entity)
    {
        var reasons = (entity.GetString("Reasons") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => HelpReason.TryParse(name, out var reason) ? reason : throw Corrupt(entity))
            .ToList();
        var point = entity.GetInt32("InclusionPoint");
        return new AssistedSession(
            entity.GetGuid("Id") ?? throw Corrupt(entity),
            ServiceId.TryParse(entity.GetString("Service"), out var service) ? service : throw Corrupt(entity),
            DateTimeOffset.ParseExact(entity.GetString("When") ?? throw Corrupt(entity), "O", CultureInfo.InvariantCulture),
            SupportRoute.TryParse(entity.GetString("Route"), out var route) ? route : throw Corrupt(entity),
            HelpType.TryParse(entity.GetString("HelpType"), out var helpType) ? helpType : throw Corrupt(entity),
            entity.GetString("Provider") ?? throw Corrupt(entity),
            entity.GetString("Site"),
            entity.GetString("StaffReference") ?? throw Corrupt(entity),
            point is null ? null : InclusionScalePoint.Of(point.Value),
            reasons,
            entity.GetInt32("DurationMinutes") ?? throw Corrupt(entity),
            SessionOutcome.TryParse(entity.GetString("Outcome"), out var outcome) ? outcome : throw Corrupt(entity),
            entity.GetBoolean("ShowedHowToDoItAlone") ?? throw Corrupt(entity),
            TryAloneNextTime.TryParse(entity.GetString("WouldTryAlone"), out var tryAlone) ? tryAlone : throw Corrupt(entity),
            entity.GetString("Notes"),
            entity.GetGuid("SupportRequestId"));
    }

    private static InvalidOperationException Corrupt(TableEntity entity) =>
        new($"The stored assisted session ({entity.PartitionKey}, {entity.RowKey}) is missing a field or holds a value outside its vocabulary.");
}
