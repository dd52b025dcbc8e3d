using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakeUp.LocalHost.Admin;

/// <summary>
/// The host's master key, as the Functions host keeps it: generated once and stored locally
/// (<c>{data}/host-keys.json</c>); the admin API answers only callers that send it.
/// </summary>
internal sealed class HostKeys
{
    public const string FileName = "host-keys.json";

    private readonly byte[] _masterKey;

    private HostKeys(string masterKey, string path)
    {
        MasterKey = masterKey;
        Path = path;
        _masterKey = Encoding.UTF8.GetBytes(masterKey);
    }

    public string MasterKey { get; }

    public string Path { get; }

    public static HostKeys LoadOrCreate(string dataDirectory, string? fixedKey)
    {
        var path = System.IO.Path.Combine(dataDirectory, FileName);
        if (fixedKey is { Length: > 0 })
        {
            return new HostKeys(fixedKey, path);
        }

        if (File.Exists(path))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path));
                if (stored?.MasterKey is { Length: >= 16 } key)
                {
                    return new HostKeys(key, path);
                }
            }
            catch (JsonException)
            {
                // A damaged file: replace it with a new key below.
            }
        }

        var created = Base64Url(RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(dataDirectory);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new StoredKeys(created), new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, path, overwrite: true);
        return new HostKeys(created, path);
    }

    /// <summary>Compares in constant time, so the key cannot be guessed byte by byte.</summary>
    public bool IsMasterKey(string? candidate) =>
        candidate is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _masterKey);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record StoredKeys([property: JsonPropertyName("masterKey")] string MasterKey);
}
