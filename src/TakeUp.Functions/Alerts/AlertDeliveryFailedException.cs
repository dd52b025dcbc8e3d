namespace TakeUp.Functions.Alerts;

/// <summary>Some routes could not be reached; the queue retries the message, and each retry tries only those routes.</summary>
public sealed class AlertDeliveryFailedException(string alertId, IReadOnlyList<string> failures)
    : Exception($"Alert {alertId} could not be delivered to {failures.Count} route(s): {string.Join("; ", failures)}");
