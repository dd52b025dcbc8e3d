using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Tests.Storage;

/// <summary>AzureWebJobsStorage read the way the Functions host reads it, in each of its forms.</summary>
public class StorageConnectionTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void The_development_storage_shortcut_reaches_Azurite_on_its_default_ports()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal("the local storage emulator (Azurite)", services.GetRequiredService<StorageAccount>().Description);
    }

    [Fact]
    public void A_connection_string_names_its_endpoints_and_never_its_key()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountName=takeupprod;AccountKey={AccountKey};EndpointSuffix=core.windows.net" });

        Assert.Equal("takeupprod", services.GetRequiredService<TableServiceClient>().AccountName);
        var description = services.GetRequiredService<StorageAccount>().Description;
        Assert.Equal("tables at https://takeupprod.table.core.windows.net, queues at https://takeupprod.queue.core.windows.net", description);
        Assert.DoesNotContain(AccountKey, description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_name_with_a_managed_identity_builds_both_service_addresses()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "takeupprod",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal(new Uri("https://takeupprod.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://takeupprod.queue.core.windows.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.EndsWith("by identity", services.GetRequiredService<StorageAccount>().Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_identity_settings_give_the_managed_identity_credential_the_host_would_use()
    {
        var configuration = Configuration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "takeupprod",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });
        using var services = BuildFrom(configuration);

        var credential = services.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(configuration.GetSection("AzureWebJobsStorage"));

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void Explicit_service_addresses_win_over_the_account_name()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.net/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.net/",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        });

        Assert.Equal(new Uri("https://tables.example.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://queues.example.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void An_account_name_set_over_the_shipped_emulator_default_reaches_the_account_by_identity()
    {
        // What the app sees in Azure: its appsettings.json default, and the identity settings of infra/ over it.
        using var services = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:accountName"] = "takeupprod",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        });

        Assert.Equal(new Uri("https://takeupprod.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://takeupprod.queue.core.windows.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.True(services.GetRequiredService<StorageConnection>().UsesIdentity);
    }

    [Fact]
    public void The_name_prefix_begins_every_table_name_and_no_queue_name()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Storage:NamePrefix"] = "blue" });
        var storage = services.GetRequiredService<StorageAccount>();

        Assert.Equal("blueUsageDaily", storage.Table(TableNames.UsageDaily).Name);
        Assert.Equal("usage-batches", storage.Queue(QueueNames.UsageBatches).Name); // named by the trigger, never prefixed
    }

    [Fact]
    public void Without_any_storage_setting_the_error_says_which_settings_to_give()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.From(Configuration(new())));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_address_that_is_not_a_url_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.From(Configuration(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "tables",
            ["AzureWebJobsStorage:queueServiceUri"] = "queues",
        })));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Build(Dictionary<string, string?> settings) => BuildFrom(Configuration(settings));

    private static ServiceProvider BuildFrom(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }
}
