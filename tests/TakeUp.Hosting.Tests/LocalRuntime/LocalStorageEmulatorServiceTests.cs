using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TakeUp.Hosting.LocalRuntime;
using TakeUp.Hosting.LocalStorage;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.LocalRuntime;

public sealed class LocalStorageEmulatorServiceTests
{
    [Fact]
    public async Task Development_storage_with_nothing_listening_starts_azurite_on_the_standard_ports_with_data_under_the_data_directory()
    {
        using var data = new TempDirectory();
        var launcher = new FakeLauncher();
        var service = Service(launcher, data, new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        await service.StartAsync(CancellationToken.None);

        var started = Assert.Single(launcher.Started);
        Assert.Equal(Path.Combine(data.Path, "azurite"), started.Location);
        Assert.Equal((10000, 10001, 10002), (started.BlobPort, started.QueuePort, started.TablePort));
        Assert.True(File.Exists(Path.Combine(started.EmulatorRoot, "package.json")));

        await service.StopAsync(CancellationToken.None);
        Assert.True(launcher.Stopped);
    }

    [Fact]
    public async Task The_setting_under_ConnectionStrings_counts_too()
    {
        using var data = new TempDirectory();
        var launcher = new FakeLauncher();
        var service = Service(launcher, data, new() { ["ConnectionStrings:AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        await service.StartAsync(CancellationToken.None);

        Assert.Single(launcher.Started);
    }

    [Fact]
    public async Task An_emulator_already_listening_is_used_as_it_is()
    {
        using var data = new TempDirectory();
        var launcher = new FakeLauncher { Listening = [10001, 10002] };
        var service = Service(launcher, data, new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        await service.StartAsync(CancellationToken.None);

        Assert.Empty(launcher.Started);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=a2V5;EndpointSuffix=core.windows.net", null)]
    [InlineData("UseDevelopmentStorage=true", "7126")]
    [InlineData("", null)]
    public async Task Nothing_is_started_for_a_real_account_or_under_the_functions_host(string storage, string? port)
    {
        using var data = new TempDirectory();
        var launcher = new FakeLauncher();
        var service = Service(launcher, data, new()
        {
            ["AzureWebJobsStorage"] = storage,
            [FunctionsHostEnvironment.CustomHandlerPortSetting] = port,
        });

        await service.StartAsync(CancellationToken.None);

        Assert.Empty(launcher.Started);
    }

    [Fact]
    public async Task When_node_cannot_be_started_start_up_fails_saying_how_to_fix_it()
    {
        using var data = new TempDirectory();
        var launcher = new FakeLauncher { Failure = new InvalidOperationException("Could not start node. Install Node.js and try again.") };
        var service = Service(launcher, data, new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(CancellationToken.None));

        Assert.Contains("Install Node.js", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    private static LocalStorageEmulatorService Service(FakeLauncher launcher, TempDirectory data, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new LocalStorageEmulatorService(
            FunctionsHostEnvironment.FromConfiguration(configuration),
            configuration,
            new RepositoryEnvironment(),
            Options.Create(new LocalRuntimeOptions { DataDirectory = data.Path }),
            launcher,
            NullLogger<LocalStorageEmulatorService>.Instance);
    }

    private sealed class FakeLauncher : IStorageEmulatorLauncher, IAsyncDisposable
    {
        public List<int> Listening { get; init; } = [];

        public Exception? Failure { get; init; }

        public List<AzuriteStartOptions> Started { get; } = [];

        public bool Stopped { get; private set; }

        public bool IsListening(int port) => Listening.Contains(port);

        public Task<IAsyncDisposable> StartAsync(AzuriteStartOptions options, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            Started.Add(options);
            return Task.FromResult<IAsyncDisposable>(this);
        }

        public ValueTask DisposeAsync()
        {
            Stopped = true;
            return ValueTask.CompletedTask;
        }
    }

    // The tests run inside the repository, whose package.json pins Azurite.
    private sealed class RepositoryEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "SampleApp";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
