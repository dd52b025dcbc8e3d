namespace TakeUp.Functions.Health;

public sealed record HealthReport(string Status, string Storage, IReadOnlyDictionary<string, string> Checks);
