using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// Notify's authentication: a JWT (HS256) with the service id as <c>iss</c> and the time as
/// <c>iat</c>, signed with the key's secret. A key is <c>{name}-{service id}-{secret}</c>, each
/// id a 36-character UUID, so the two are cut from the end (the name may contain hyphens).
/// </summary>
public static class NotifyToken
{
    public static (string ServiceId, string Secret) Split(string apiKey)
    {
        if (apiKey.Length < 74 || !Guid.TryParse(apiKey[^73..^37], out _) || !Guid.TryParse(apiKey[^36..], out _))
        {
            throw new InvalidOperationException("Notify:ApiKey is not a GOV.UK Notify API key ({name}-{service id}-{secret}); copy it again from Notify's API integration page.");
        }

        return (apiKey[^73..^37], apiKey[^36..]);
    }

    public static string Create(string apiKey, DateTimeOffset now)
    {
        var (serviceId, secret) = Split(apiKey);
        var header = Base64Url("{\"typ\":\"JWT\",\"alg\":\"HS256\"}"u8.ToArray());
        var claims = Base64Url(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{{\"iss\":\"{serviceId}\",\"iat\":{now.ToUnixTimeSeconds()}}}")));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{header}.{claims}"));
        return $"{header}.{claims}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
