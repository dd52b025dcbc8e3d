using System.Security.Cryptography;
using System.Text;

namespace TakeUp.Storage;

/// <summary>
/// A storage account name and key, used to sign requests (SharedKey and SharedKeyLite).
/// The key is held only as bytes and never appears in <see cref="object.ToString"/> or in messages.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private byte[] _accountKey;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        AccountName = accountName;
        _accountKey = DecodeKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Replaces the key, for rotation without rebuilding clients.</summary>
    public void SetAccountKey(string accountKey) => Volatile.Write(ref _accountKey, DecodeKey(accountKey));

    public override string ToString() => $"{nameof(StorageSharedKeyCredential)}({AccountName})";

    internal string ComputeHmacSha256(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Volatile.Read(ref _accountKey), Encoding.UTF8.GetBytes(stringToSign)));

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        var buffer = new byte[accountKey.Length];
        if (!Convert.TryFromBase64String(accountKey, buffer, out var written))
        {
            // The value itself is a secret, so the message names the setting and not the value.
            throw new ArgumentException("The storage account key is not valid base64. Copy it again from the storage account's Access keys page.", nameof(accountKey));
        }

        return buffer.AsSpan(0, written).ToArray();
    }
}
