namespace TakeUp.Functions.Local;

/// <summary>One development key per role, as written to <c>.data/dev-keys.json</c> in local mode.</summary>
public sealed record DevKey(string Role, string Id, string Key, IReadOnlyList<string> Services, string? Department);

public sealed record DevKeysFile(string Note, IReadOnlyList<DevKey> Keys)
{
    public const string FileName = "dev-keys.json";

    public const string Explanation =
        "Local development keys, one per role, made on the first local start. Send one as 'Authorization: ApiKey <key>'. Never used in Azure.";
}
