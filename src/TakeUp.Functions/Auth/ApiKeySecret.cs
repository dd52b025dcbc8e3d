using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TakeUp.Functions.Auth;

/// <summary>
/// An API key's text: <c>tu_{id}_{secret}</c>. The id finds the stored record; only a SHA-256 hash
/// of the whole key is stored. The secret is 256 random bits, so a fast hash is enough (a slow
/// password hash protects guessable secrets; these are not guessable).
/// </summary>
public static partial class ApiKeySecret
{
    public static (string Id, string Key) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (id, $"tu_{id}_{secret}");
    }

    public static bool TryReadId(string? key, out string id)
    {
        var match = key is null ? Match.Empty : Pattern().Match(key);
        id = match.Success ? match.Groups["id"].Value : "";
        return match.Success;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^tu_(?<id>[0-9a-f]{12})_[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
