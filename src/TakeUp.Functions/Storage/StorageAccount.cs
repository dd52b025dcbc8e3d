using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using TakeUp.Storage;

namespace TakeUp.Functions.Storage;

/// <summary>
/// The app's one storage account, configured the way the Functions host configures its own:
/// <c>AzureWebJobsStorage</c> as a connection string, or <c>AzureWebJobsStorage__tableServiceUri</c>
/// and <c>__queueServiceUri</c> (or <c>__accountName</c>) with a managed identity.
/// </summary>
public sealed class StorageAccount
{
    public const string Setting = "AzureWebJobsStorage";

    private readonly TableServiceClient _tables;
    private readonly Func<string, QueueClient> _queue;
    private readonly string _prefix;

    private StorageAccount(TableServiceClient tables, Func<string, QueueClient> queue, string prefix, string description)
    {
        _tables = tables;
        _queue = queue;
        _prefix = prefix;
        Description = description;
    }

    /// <summary>Where the data lives, without secrets, for logs and the health answer.</summary>
    public string Description { get; }

    public TableClient Table(string name) => _tables.GetTableClient(TableName(name));

    public QueueClient Queue(string name) => _queue(QueueName(name));

    public string TableName(string name) => _prefix + name;

    public string QueueName(string name) => _prefix + name;

    public static StorageAccount Create(IConfiguration configuration, IOptions<StorageOptions> options)
    {
        var prefix = options.Value.NamePrefix;
        var connectionString = configuration[Setting] ?? configuration.GetConnectionString(Setting);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var connection = StorageConnection.Parse(connectionString);
            return new StorageAccount(
                new TableServiceClient(connectionString),
                queue => new QueueClient(connectionString, queue),
                prefix,
                connection.IsDevelopmentStorage ? "the local storage emulator (Azurite)" : $"tables at {connection.TableEndpoint}, queues at {connection.QueueEndpoint}");
        }

        var section = configuration.GetSection(Setting);
        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.table.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");
        if (tableUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"No storage is configured. Set '{Setting}' to a connection string (UseDevelopmentStorage=true locally), " +
                $"or set '{Setting}__accountName' (or '{Setting}__tableServiceUri' and '{Setting}__queueServiceUri') to use a managed identity.");
        }

        var credential = CreateCredential(section);
        var queueBase = new Uri(queueUri.TrimEnd('/') + "/");
        return new StorageAccount(
            new TableServiceClient(new Uri(tableUri), credential),
            queue => new QueueClient(new Uri(queueBase, queue), credential),
            prefix,
            $"tables at {tableUri}, queues at {queueUri}, by identity");
    }

    private static TokenCredential CreateCredential(IConfiguration section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
