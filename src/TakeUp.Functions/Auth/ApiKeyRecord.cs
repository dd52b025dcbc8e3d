namespace TakeUp.Functions.Auth;

/// <summary>An API key as stored and listed: never the key itself.</summary>
public sealed record ApiKeyRecord(
    string Id,
    string Name,
    string Role,
    IReadOnlyList<string> Services,
    string? Department,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt);

/// <summary>The answer to creating a key: the only time the key is shown.</summary>
public sealed record CreatedApiKey(string Key, ApiKeyRecord Record);
