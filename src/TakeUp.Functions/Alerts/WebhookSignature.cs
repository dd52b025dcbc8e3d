using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// Webhook calls carry <c>X-TakeUp-Timestamp</c> (Unix seconds) and
/// <c>X-TakeUp-Signature: sha256={hex}</c>, the HMAC-SHA256 of <c>{timestamp}.{body}</c> with the
/// shared secret. Signing the timestamp too lets a receiver refuse old calls replayed.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-TakeUp-Signature";
    public const string TimestampHeader = "X-TakeUp-Timestamp";

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    public static bool Verify(string secret, string timestampHeader, string body, string signatureHeader) =>
        long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)),
            Encoding.ASCII.GetBytes(signatureHeader));
}
