namespace TakeUp.Storage;

/// <summary>
/// The endpoints and credential described by a storage connection string.
/// </summary>
/// <remarks>
/// Two forms are understood: <c>UseDevelopmentStorage=true</c> (Azurite on its default ports) and
/// account-key strings (<c>DefaultEndpointsProtocol</c>, <c>AccountName</c>, <c>AccountKey</c>, optional
/// <c>TableEndpoint</c>/<c>QueueEndpoint</c>/<c>BlobEndpoint</c> and <c>EndpointSuffix</c>). A string that
/// names only explicit endpoints, with neither <c>AccountName</c> nor <c>AccountKey</c>, is also accepted:
/// its <see cref="Credential"/> is null and the endpoints are meant for clients built with a
/// <c>TokenCredential</c>. Shared access signatures are not supported.
/// </remarks>
public sealed class StorageConnection
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's published, well-known key: not a secret.
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string DefaultEndpointSuffix = "core.windows.net";

    private StorageConnection(Uri? blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, StorageSharedKeyCredential? credential, bool isDevelopmentStorage)
    {
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        Credential = credential;
        IsDevelopmentStorage = isDevelopmentStorage;
    }

    /// <summary>Null only when the string names table and queue endpoints but neither a blob endpoint nor an account.</summary>
    public Uri? BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    /// <summary>Null when the connection string names endpoints only (see the remarks on the type).</summary>
    public StorageSharedKeyCredential? Credential { get; }

    /// <summary>True only for <c>UseDevelopmentStorage=true</c>: Azurite on its default ports.</summary>
    public bool IsDevelopmentStorage { get; }

    public string? AccountName => Credential?.AccountName;

    public static StorageConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException(
                "The storage connection string is empty. Set it to 'UseDevelopmentStorage=true' for Azurite, or to the account's connection string from the Azure portal.",
                nameof(connectionString));
        }

        var settings = ReadSettings(connectionString);
        return settings.ContainsKey("UseDevelopmentStorage") ? DevelopmentStorage(settings) : Account(settings);
    }

    /// <summary>The account key, for clients built from a connection string, which have no other way to authenticate.</summary>
    internal StorageSharedKeyCredential RequireCredential() =>
        Credential ?? throw new ArgumentException(
            "The storage connection string names endpoints but no AccountName and AccountKey. " +
            "Add them, or build the client from the endpoint and a TokenCredential.",
            "connectionString");

    public override string ToString() =>
        $"StorageConnection(Account={AccountName ?? "(token credential)"}, Table={TableEndpoint}, Queue={QueueEndpoint})";

    private static StorageConnection DevelopmentStorage(Dictionary<string, string> settings)
    {
        if (!string.Equals(settings["UseDevelopmentStorage"], "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("The storage connection string has UseDevelopmentStorage set to something other than 'true'.");
        }

        var others = settings.Keys.Where(k => !string.Equals(k, "UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Count > 0)
        {
            throw new FormatException(
                $"A 'UseDevelopmentStorage=true' connection string cannot also set {string.Join(", ", others)}. " +
                "To point at Azurite on other ports, use an account-key connection string with explicit TableEndpoint and QueueEndpoint.");
        }

        return new StorageConnection(
            new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
            new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
            new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"),
            new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
            isDevelopmentStorage: true);
    }

    private static StorageConnection Account(Dictionary<string, string> settings)
    {
        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException(
                "Storage connection strings with a SharedAccessSignature are not supported. Use the account key, or Entra ID with a token credential.");
        }

        settings.TryGetValue("AccountName", out var accountName);
        settings.TryGetValue("AccountKey", out var accountKey);
        settings.TryGetValue("BlobEndpoint", out var blob);
        settings.TryGetValue("QueueEndpoint", out var queue);
        settings.TryGetValue("TableEndpoint", out var table);

        StorageSharedKeyCredential? credential = null;
        if (accountName is not null || accountKey is not null)
        {
            if (string.IsNullOrWhiteSpace(accountName))
            {
                throw new FormatException("The storage connection string has no AccountName. Add 'AccountName=<your storage account>'.");
            }

            if (string.IsNullOrWhiteSpace(accountKey))
            {
                throw new FormatException(
                    $"The storage connection string for account '{accountName}' has no AccountKey. Add 'AccountKey=...' from the account's Access keys page.");
            }

            try
            {
                credential = new StorageSharedKeyCredential(accountName, accountKey);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"The AccountKey in the storage connection string for account '{accountName}' is not valid base64.", ex);
            }
        }
        else if (queue is null || table is null)
        {
            throw new FormatException(
                "The storage connection string has no AccountName and AccountKey. Add both, or use 'UseDevelopmentStorage=true' for Azurite.");
        }

        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"The storage connection string has DefaultEndpointsProtocol '{protocol}'; use 'https' (or 'http' for an emulator).");
        }

        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s.Trim().TrimStart('.') : DefaultEndpointSuffix;

        Uri Endpoint(string? explicitValue, string setting, string service)
        {
            if (explicitValue is not null)
            {
                if (!Uri.TryCreate(explicitValue, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    throw new FormatException($"The storage connection string's {setting} is not an absolute http or https address.");
                }

                return StorageUri.WithoutTrailingSlash(uri);
            }

            if (accountName is null)
            {
                throw new FormatException($"The storage connection string has no {setting} and no AccountName to derive it from.");
            }

            return new Uri($"{protocol}://{accountName}.{service}.{suffix}");
        }

        return new StorageConnection(
            blob is null && accountName is null ? null : Endpoint(blob, "BlobEndpoint", "blob"),
            Endpoint(queue, "QueueEndpoint", "queue"),
            Endpoint(table, "TableEndpoint", "table"),
            credential,
            isDevelopmentStorage: false);
    }

    private static Dictionary<string, string> ReadSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var segment in connectionString.Split(';'))
        {
            position++;
            if (string.IsNullOrWhiteSpace(segment))
            {
                continue;
            }

            // Split at the first '=' only: base64 keys end in '='.
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The segment is not echoed: it could be a fragment of a key.
                throw new FormatException($"Part {position} of the storage connection string is not of the form 'Name=value'.");
            }

            var name = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"The storage connection string sets {name} more than once.");
            }
        }

        return settings;
    }
}
