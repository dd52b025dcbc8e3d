namespace TakeUp.Functions.Alerts;

/// <summary>One figure behind an alert or a target status.</summary>
public sealed record FigureValue(string Name, double? Value);

/// <summary>An alert as stored and shown to managers.</summary>
public sealed record AlertRecord(
    string Id,
    string Service,
    string Rule,
    string Status,
    string Summary,
    IReadOnlyList<FigureValue> Figures,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBecause,
    IReadOnlyList<AlertDelivery> Deliveries)
{
    public bool IsOpen => ResolvedAt is null;
}

/// <summary>What happened when an alert event went to one route.</summary>
public sealed record AlertDelivery(string Event, string Route, string Outcome, DateTimeOffset At, string? Detail);

/// <summary>A message on the <c>alerts</c> queue: deliver this event of this alert to the service's routes.</summary>
public sealed record AlertMessage(string? Service, string? AlertId, string? Event)
{
    public const string Raised = "raised";
    public const string Resolved = "resolved";
}

/// <summary>The last evaluation of one rule for one service, and the alert open for it, if any.</summary>
public sealed record RuleState(string Rule, string Status, string? OpenAlertId, string? AlertedStatus, int Sequence, DateTimeOffset EvaluatedAt, string Reason, IReadOnlyList<FigureValue> Figures, Azure.ETag ETag);
