namespace TakeUp.Storage.Tests.Infrastructure;

public sealed class TemporaryQueue(QueueClient client) : IAsyncDisposable
{
    public QueueClient Client { get; } = client;

    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}
