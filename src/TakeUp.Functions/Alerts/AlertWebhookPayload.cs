namespace TakeUp.Functions.Alerts;

/// <summary>The JSON body of an alert webhook (schema in docs/alerts.md).</summary>
public sealed record AlertWebhookPayload(
    string Event,
    string AlertId,
    string Service,
    string ServiceName,
    string Department,
    string Rule,
    string Status,
    string Summary,
    IReadOnlyList<FigureValue> Figures,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt,
    string Link);
