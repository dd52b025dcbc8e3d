using Azure.Storage.Queues;
using TakeUp.LocalHost.Storage;

namespace TakeUp.LocalHost.Tests.Support;

/// <summary>One in-memory Azurite on free ports for the test run; each test uses its own queues.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite!.ConnectionString;

    public static string RepositoryRoot =>
        AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No package.json pinning azurite above the test output.");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(RepositoryRoot));

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A client as the host's are: base64 messages, a service version Azurite accepts.</summary>
    public QueueClient Queue(string name, QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(ConnectionString, name, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = encoding });

    public static string UniqueQueueName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";
}

[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "local host";
}
