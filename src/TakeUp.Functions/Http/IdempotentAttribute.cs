namespace TakeUp.Functions.Http;

/// <summary>
/// Marks an HTTP function that honours <c>Idempotency-Key</c> (design invariant 1): the
/// idempotency middleware runs it at most once per key and replays the stored answer.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;
