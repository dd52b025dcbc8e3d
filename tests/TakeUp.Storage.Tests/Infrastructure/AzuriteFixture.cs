using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Storage.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite on free ports for the whole test run, shared by every class in the
/// <see cref="AzuriteCollection"/>. Tests isolate themselves with uniquely named tables and queues.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("No package.json pinning azurite was found above the test folder; run the tests from the repository.");
        _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root));
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    public TableServiceClient TableService(TableClientOptions? options = null) => new(ConnectionString, options);

    /// <summary>A table named for this test alone, created now and deleted when disposed.</summary>
    public async Task<TemporaryTable> CreateTableAsync()
    {
        var client = TableService().GetTableClient(UniqueNames.Table());
        await client.CreateIfNotExistsAsync();
        return new TemporaryTable(client);
    }

    /// <summary>A queue named for this test alone, created now and deleted when disposed.</summary>
    public async Task<TemporaryQueue> CreateQueueAsync(QueueClientOptions? options = null)
    {
        var client = new QueueClient(ConnectionString, UniqueNames.Queue(), options);
        await client.CreateIfNotExistsAsync();
        return new TemporaryQueue(client);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
