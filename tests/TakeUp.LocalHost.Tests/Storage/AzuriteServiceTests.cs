using System.Net;
using System.Net.Sockets;
using TakeUp.LocalHost.Storage;
using TakeUp.LocalHost.Tests.Support;

namespace TakeUp.LocalHost.Tests.Storage;

[Collection(LocalHostCollection.Name)]
public sealed class AzuriteServiceTests
{
    [Fact]
    public async Task With_development_storage_the_host_starts_Azurite_restarts_it_when_it_dies_and_stops_it_with_itself()
    {
        var ports = new[] { FreePort(), FreePort(), FreePort() };
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(
            app,
            settings: new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",

                // Its listener would poll the standard queue port, which is not this emulator's.
                ["AzureWebJobs.RecordQueueMessage.Disabled"] = "true",
            },
            configure: options =>
            {
                options.StartStorageEmulator = true;
                options.StorageEmulatorPorts = ports;
            });
        AzuriteProcess first;
        await using (host)
        {
            first = host.StartedAzurite ?? throw new InvalidOperationException("The host did not start Azurite.");
            Assert.True(await AzuriteProcess.IsListeningAsync(ports[1]));

            first.Kill();
            await Wait.UntilAsync(
                async () => host.StartedAzurite is { } now && !ReferenceEquals(now, first) && await AzuriteProcess.IsListeningAsync(ports[1]) ? now : null,
                "the host to start Azurite again and the new one to listen");
        }

        Assert.False(await AzuriteProcess.IsListeningAsync(ports[1]));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
