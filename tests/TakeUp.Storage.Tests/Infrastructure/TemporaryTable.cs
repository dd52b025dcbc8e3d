namespace TakeUp.Storage.Tests.Infrastructure;

public sealed class TemporaryTable(TableClient client) : IAsyncDisposable
{
    public TableClient Client { get; } = client;

    public async ValueTask DisposeAsync() => await Client.DeleteAsync();
}
