using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace TakeUp.Functions.Storage;

/// <summary>
/// The app's storage account as the Functions host reads <c>AzureWebJobsStorage</c>: a connection
/// string (including <c>UseDevelopmentStorage=true</c>), or the identity-based section
/// (<c>__accountName</c>, or <c>__tableServiceUri</c> and <c>__queueServiceUri</c>, with
/// <c>__credential</c> and <c>__clientId</c>), which wins when both are set.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Azure builds the clients and the credential (<see cref="StorageSetup"/>);
/// this type only maps the host's setting names, which are not the SDK constructors' parameter
/// names (<c>accountName</c> is not a parameter at all), onto the constructors.
/// </remarks>
public sealed class StorageConnection
{
    public const string Setting = "AzureWebJobsStorage";

    private readonly string? _connectionString;
    private readonly Uri? _tableServiceUri;
    private readonly Uri? _queueServiceUri;

    private StorageConnection(string? connectionString, Uri? tableServiceUri, Uri? queueServiceUri, string description)
    {
        _connectionString = connectionString;
        _tableServiceUri = tableServiceUri;
        _queueServiceUri = queueServiceUri;
        Description = description;
    }

    /// <summary>Where the data lives, without secrets, for logs and the health answer.</summary>
    public string Description { get; }

    /// <summary>True when the account is reached with a managed identity (or another Entra ID credential) rather than a key.</summary>
    public bool UsesIdentity => _connectionString is null;

    public static StorageConnection From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.table.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");

        // The identity form wins over a connection string, unlike in the host: appsettings.json
        // ships UseDevelopmentStorage=true as the local default, and in Azure only the identity
        // settings are set over it (infra/), so the host never sees that default but the app does.
        var connectionString = configuration[Setting] ?? configuration.GetConnectionString(Setting);
        if (tableUri is null && queueUri is null && !string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageConnection(connectionString, null, null, Describe(connectionString));
        }

        if (tableUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"No storage is configured. Set '{Setting}' to a connection string (UseDevelopmentStorage=true locally), " +
                $"or set '{Setting}__accountName' (or '{Setting}__tableServiceUri' and '{Setting}__queueServiceUri') to use a managed identity.");
        }

        if (!Uri.TryCreate(tableUri, UriKind.Absolute, out var tables) || !Uri.TryCreate(queueUri, UriKind.Absolute, out var queues))
        {
            throw new InvalidOperationException(
                $"'{Setting}__tableServiceUri' and '{Setting}__queueServiceUri' must be absolute URLs such as https://myaccount.table.core.windows.net.");
        }

        return new StorageConnection(null, tables, queues, $"tables at {tables}, queues at {queues}, by identity");
    }

    public TableServiceClient CreateTableServiceClient(TableClientOptions options, TokenCredential credential) =>
        _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(_tableServiceUri!, credential, options);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options, TokenCredential credential) =>
        _connectionString is not null
            ? new QueueServiceClient(_connectionString, options)
            : new QueueServiceClient(_queueServiceUri!, credential, options);

    private static string Describe(string connectionString)
    {
        if (connectionString.Trim().StartsWith("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return "the local storage emulator (Azurite)";
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);
        var account = parts.GetValueOrDefault("AccountName");
        var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        var tables = parts.GetValueOrDefault("TableEndpoint") ?? (account is null ? "?" : $"{protocol}://{account}.table.{suffix}");
        var queues = parts.GetValueOrDefault("QueueEndpoint") ?? (account is null ? "?" : $"{protocol}://{account}.queue.{suffix}");
        return $"tables at {tables}, queues at {queues}";
    }
}
