using System.Text.Json;
using Azure.Data.Tables;
using TakeUp.Domain.Services;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Alerts;

/// <summary>A rule's new evaluation, in the words stored and shown.</summary>
public sealed record RuleOutcome(string Rule, string Status, string Reason, IReadOnlyList<FigureValue> Figures);

public enum AlertChange
{
    None,
    Raise,
    Resolve,
}

/// <summary>Whether a delivery may go ahead, or was settled before.</summary>
public enum DeliveryClaim
{
    Claimed,
    AlreadySettled,
}

/// <summary>
/// Rule states, alerts and their deliveries in <c>Alerts</c>, one partition per service (see
/// <see cref="AlertKeys"/>). A state change and the alert it raises or resolves are written in one
/// entity-group transaction under the state's ETag, so a retried evaluation never raises twice.
/// </summary>
public sealed class AlertStore(StorageAccount storage, TimeProvider time)
{
    private TableClient Table => storage.Table(TableNames.Alerts);

    public async Task<IReadOnlyDictionary<string, RuleState>> GetStatesAsync(ServiceId service, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, RuleState>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {service.Value} and RowKey ge {AlertKeys.StatePrefix} and RowKey lt {"state}"}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var rule = e.RowKey[AlertKeys.StatePrefix.Length..];
            states[rule] = new RuleState(
                rule,
                e.GetString("Status") ?? "",
                e.GetString("OpenAlertId"),
                e.GetString("AlertedStatus"),
                e.GetInt32("Sequence") ?? 0,
                e.GetDateTimeOffset("EvaluatedAt") ?? DateTimeOffset.MinValue,
                e.GetString("Reason") ?? "",
                Figures(e.GetString("Figures")),
                e.ETag);
        }

        return states;
    }

    /// <summary>Records a rule's evaluation and, with it, the alert change it calls for.</summary>
    /// <returns>The id of the alert raised or resolved, if any.</returns>
    /// <exception cref="Azure.RequestFailedException">412 or 409: another evaluation got there first; evaluate again.</exception>
    public async Task<string?> RecordAsync(ServiceId service, RuleOutcome outcome, RuleState? previous, AlertChange change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sequence = previous?.Sequence ?? 0;
        var openAlert = previous?.OpenAlertId;
        var alertedStatus = previous?.AlertedStatus;
        var actions = new List<TableTransactionAction>();
        string? changed = null;

        if (change == AlertChange.Raise)
        {
            sequence++;
            changed = AlertKeys.AlertId(service, outcome.Rule, sequence);
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(service.Value, AlertKeys.AlertRowKey(changed))
            {
                ["Rule"] = outcome.Rule,
                ["Status"] = outcome.Status,
                ["Summary"] = outcome.Reason,
                ["Figures"] = JsonSerializer.Serialize(outcome.Figures),
                ["RaisedAt"] = now,
                ["RaisedQueued"] = false,
            }));
            if (openAlert is not null)
            {
                // Worse again while an alert is open: the new alert replaces it, and nobody is told it recovered.
                actions.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(service.Value, AlertKeys.AlertRowKey(openAlert))
                {
                    ["ResolvedAt"] = now,
                    ["ResolvedBecause"] = $"superseded by {changed}",
                    ["ResolvedQueued"] = true,
                }));
            }

            openAlert = changed;
            alertedStatus = outcome.Status;
        }
        else if (change == AlertChange.Resolve && openAlert is not null)
        {
            changed = openAlert;
            actions.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(service.Value, AlertKeys.AlertRowKey(openAlert))
            {
                ["ResolvedAt"] = now,
                ["ResolvedBecause"] = "recovered",
                ["ResolvedQueued"] = false,
            }));
            openAlert = null;
            alertedStatus = null;
        }

        var state = new TableEntity(service.Value, AlertKeys.StateRowKey(outcome.Rule))
        {
            ["Status"] = outcome.Status,
            ["OpenAlertId"] = openAlert,
            ["AlertedStatus"] = alertedStatus,
            ["Sequence"] = sequence,
            ["EvaluatedAt"] = now,
            ["Reason"] = outcome.Reason,
            ["Figures"] = JsonSerializer.Serialize(outcome.Figures),
        };
        actions.Insert(0, previous is null
            ? new(TableTransactionActionType.Add, state)
            : new(TableTransactionActionType.UpdateReplace, state, previous.ETag));

        await Table.SubmitTransactionAsync(actions, cancellationToken);
        return changed;
    }

    /// <summary>Alert events written but not yet put on the queue (a crash came between).</summary>
    public async Task<IReadOnlyList<AlertMessage>> UnqueuedEventsAsync(ServiceId service, CancellationToken cancellationToken)
    {
        var events = new List<AlertMessage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(AlertRange(service), cancellationToken: cancellationToken))
        {
            var id = e.RowKey[AlertKeys.AlertPrefix.Length..];
            if (e.GetBoolean("RaisedQueued") == false)
            {
                events.Add(new AlertMessage(service.Value, id, AlertMessage.Raised));
            }

            if (e.GetBoolean("ResolvedQueued") == false)
            {
                events.Add(new AlertMessage(service.Value, id, AlertMessage.Resolved));
            }
        }

        return events;
    }

    public Task MarkQueuedAsync(ServiceId service, string alertId, string alertEvent, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(service.Value, AlertKeys.AlertRowKey(alertId)) { [alertEvent == AlertMessage.Raised ? "RaisedQueued" : "ResolvedQueued"] = true },
            TableUpdateMode.Merge,
            cancellationToken);

    public async Task<AlertRecord?> GetAsync(ServiceId service, string alertId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(service.Value, AlertKeys.AlertRowKey(alertId), null, cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var deliveries = new List<AlertDelivery>();
        var prefix = AlertKeys.DeliveryPrefixFor(alertId);
        await foreach (var d in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {service.Value} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"), cancellationToken: cancellationToken))
        {
            deliveries.Add(ToDelivery(d));
        }

        return ToRecord(service, row.Value!, deliveries);
    }

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(ServiceId service, CancellationToken cancellationToken)
    {
        var alerts = new List<TableEntity>();
        var deliveries = new List<TableEntity>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {service.Value} and RowKey ge {AlertKeys.AlertPrefix}"), cancellationToken: cancellationToken))
        {
            if (e.RowKey.StartsWith(AlertKeys.AlertPrefix, StringComparison.Ordinal))
            {
                alerts.Add(e);
            }
            else if (e.RowKey.StartsWith(AlertKeys.DeliveryPrefix, StringComparison.Ordinal))
            {
                deliveries.Add(e);
            }
        }

        return alerts
            .Select(a =>
            {
                var prefix = AlertKeys.DeliveryPrefixFor(a.RowKey[AlertKeys.AlertPrefix.Length..]);
                return ToRecord(service, a, deliveries.Where(d => d.RowKey.StartsWith(prefix, StringComparison.Ordinal)).Select(ToDelivery).ToList());
            })
            .OrderByDescending(a => a.RaisedAt)
            .ToList();
    }

    /// <returns>The alert, acknowledged (again acknowledging changes nothing); null when there is no such alert.</returns>
    public async Task<AlertRecord?> AcknowledgeAsync(ServiceId service, string alertId, string by, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(service.Value, AlertKeys.AlertRowKey(alertId), null, cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        if (row.Value!.GetDateTimeOffset("AcknowledgedAt") is null)
        {
            await Table.UpsertEntityAsync(
                new TableEntity(service.Value, AlertKeys.AlertRowKey(alertId)) { ["AcknowledgedAt"] = time.GetUtcNow(), ["AcknowledgedBy"] = by },
                TableUpdateMode.Merge,
                cancellationToken);
        }

        return await GetAsync(service, alertId, cancellationToken);
    }

    /// <summary>
    /// Claims one event's delivery to one route before sending, so a route never gets it twice. A
    /// claim left by a process that died mid-send counts as settled: it may have been sent.
    /// </summary>
    public async Task<DeliveryClaim> ClaimDeliveryAsync(ServiceId service, string alertId, string alertEvent, string route, CancellationToken cancellationToken)
    {
        var key = AlertKeys.DeliveryRowKey(alertId, alertEvent, route);
        var claim = new TableEntity(service.Value, key) { ["Event"] = alertEvent, ["Route"] = route, ["Outcome"] = "sending", ["At"] = time.GetUtcNow() };
        try
        {
            await Table.AddEntityAsync(claim, cancellationToken);
            return DeliveryClaim.Claimed;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await Table.GetEntityIfExistsAsync<TableEntity>(service.Value, key, null, cancellationToken)).Value!;
            if (existing.GetString("Outcome") != "failed")
            {
                return DeliveryClaim.AlreadySettled;
            }

            // An earlier attempt failed and said so: this retry may send.
            await Table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return DeliveryClaim.Claimed;
        }
    }

    public Task RecordDeliveryAsync(ServiceId service, string alertId, string alertEvent, string route, string outcome, string? detail, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(service.Value, AlertKeys.DeliveryRowKey(alertId, alertEvent, route))
            {
                ["Event"] = alertEvent,
                ["Route"] = route,
                ["Outcome"] = outcome,
                ["At"] = time.GetUtcNow(),
                ["Detail"] = detail,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string AlertRange(ServiceId service) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {service.Value} and RowKey ge {AlertKeys.AlertPrefix} and RowKey lt {AlertKeys.AlertEnd}");

    private static AlertRecord ToRecord(ServiceId service, TableEntity e, IReadOnlyList<AlertDelivery> deliveries) => new(
        e.RowKey[AlertKeys.AlertPrefix.Length..],
        service.Value,
        e.GetString("Rule") ?? "",
        e.GetString("Status") ?? "",
        e.GetString("Summary") ?? "",
        Figures(e.GetString("Figures")),
        e.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("AcknowledgedAt"),
        e.GetString("AcknowledgedBy"),
        e.GetDateTimeOffset("ResolvedAt"),
        e.GetString("ResolvedBecause"),
        deliveries);

    private static AlertDelivery ToDelivery(TableEntity d) => new(
        d.GetString("Event") ?? "",
        d.GetString("Route") ?? "",
        d.GetString("Outcome") ?? "",
        d.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        d.GetString("Detail"));

    private static IReadOnlyList<FigureValue> Figures(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<FigureValue>>(json) ?? [];
}
