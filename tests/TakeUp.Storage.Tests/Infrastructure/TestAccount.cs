using System.Security.Cryptography;
using System.Text;

namespace TakeUp.Storage.Tests.Infrastructure;

/// <summary>A made-up account for wire-format tests, and an independent implementation of the signature.</summary>
public static class TestAccount
{
    public const string Name = "takeupdev";

    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());

    public static StorageSharedKeyCredential Credential => new(Name, Key);

    public static Uri TableEndpoint => new($"https://{Name}.table.core.windows.net");

    public static Uri QueueUri(string queue) => new($"https://{Name}.queue.core.windows.net/{queue}");

    public static string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.UTF8.GetBytes(stringToSign)));

    public static TableClientOptions TableOptions(RecordingHandler handler)
    {
        var options = new TableClientOptions { Transport = handler.Transport };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }

    public static QueueClientOptions QueueOptions(RecordingHandler handler, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var options = new QueueClientOptions { Transport = handler.Transport, MessageEncoding = encoding };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }
}
