using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace TakeUp.Functions.Storage;

/// <summary>
/// The app's tables and queues, by the names of design section 4, with <c>Storage:NamePrefix</c>
/// put before each table name so several copies of the app can share one account's tables. The service clients are
/// built once, from configuration, by <see cref="StorageSetup"/>.
/// </summary>
public sealed class StorageAccount(
    TableServiceClient tables,
    QueueServiceClient queues,
    StorageConnection connection,
    IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.NamePrefix;

    /// <summary>Where the data lives, without secrets, for logs and the health answer.</summary>
    public string Description => connection.Description;

    public TableClient Table(string name) => tables.GetTableClient(TableName(name));

    /// <summary>
    /// A queue by its own name: queue names are not prefixed, because the queue triggers name their
    /// queues in their attributes, and the host listens to exactly those.
    /// </summary>
    public QueueClient Queue(string name) => queues.GetQueueClient(name);

    public string TableName(string name) => _prefix + name;
}
