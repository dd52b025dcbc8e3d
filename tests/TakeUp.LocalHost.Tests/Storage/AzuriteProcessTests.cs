using Azure.Storage.Queues;
using TakeUp.LocalHost.Storage;
using TakeUp.LocalHost.Tests.Support;

namespace TakeUp.LocalHost.Tests.Storage;

[Collection(LocalHostCollection.Name)]
public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task A_write_just_before_a_graceful_stop_is_there_after_a_restart()
    {
        var location = Path.Combine(Path.GetTempPath(), "takeup-localhost-tests", "azurite-" + Guid.NewGuid().ToString("N"));
        var queueName = AzuriteFixture.UniqueQueueName("persist");
        try
        {
            var first = await AzuriteProcess.StartAsync(new AzuriteStartOptions(AzuriteFixture.RepositoryRoot, location));
            var queue = Client(first, queueName);
            await queue.CreateAsync();
            await queue.SendMessageAsync("written just before the stop");
            var exitedOnItsOwn = await first.StopAsync(TimeSpan.FromSeconds(20));
            await first.DisposeAsync();

            await using var second = await AzuriteProcess.StartAsync(new AzuriteStartOptions(AzuriteFixture.RepositoryRoot, location));
            var messages = (await Client(second, queueName).PeekMessagesAsync()).Value;

            Assert.True(exitedOnItsOwn);
            Assert.Equal("written just before the stop", Assert.Single(messages).Body.ToString());
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }

    private static QueueClient Client(AzuriteProcess azurite, string name) =>
        new(azurite.ConnectionString, name, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05));
}
