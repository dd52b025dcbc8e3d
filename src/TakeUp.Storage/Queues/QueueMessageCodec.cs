using System.Globalization;
using System.Text;
using System.Xml;

namespace TakeUp.Storage;

/// <summary>Turns message text into what the service stores, and back.</summary>
internal static class QueueMessageCodec
{
    /// <summary>The service's limit on a message as stored (after base64, when used).</summary>
    public const int MaxEncodedBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string messageText, QueueMessageEncoding encoding, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(messageText, parameterName);
        string encoded;
        switch (encoding)
        {
            case QueueMessageEncoding.Base64:
                encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText));
                break;
            case QueueMessageEncoding.None:
                try
                {
                    XmlConvert.VerifyXmlChars(messageText);
                }
                catch (XmlException)
                {
                    throw new ArgumentException(
                        "The message text holds characters XML cannot carry. Send it with QueueMessageEncoding.Base64.", parameterName);
                }

                encoded = messageText;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown message encoding.");
        }

        var size = Encoding.UTF8.GetByteCount(encoded);
        if (size > MaxEncodedBytes)
        {
            var how = encoding == QueueMessageEncoding.Base64 ? " after base64 encoding" : string.Empty;
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The message is {size:N0} bytes{how}; a queue message may be at most {MaxEncodedBytes:N0} (64 KiB). Store the payload in a table or blob and send its key instead."),
                parameterName);
        }

        return encoded;
    }

    /// <summary>
    /// With base64 expected, a message that is not base64 of UTF-8 text was written raw by someone else: it is
    /// returned as it is rather than refused, so that it can still be handled (or poisoned) by its reader.
    /// </summary>
    public static string Decode(string stored, QueueMessageEncoding encoding)
    {
        if (encoding != QueueMessageEncoding.Base64)
        {
            return stored;
        }

        var buffer = new byte[stored.Length];
        if (!Convert.TryFromBase64String(stored, buffer, out var written))
        {
            return stored;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return stored;
        }
    }
}
