using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;

namespace TakeUp.Functions.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Queue API version. Azure.Storage.Queues 12.28.1 speaks 2026-10-06 by default, which the
    /// Azurite releases on the npm feed (3.35 to 3.37) refuse with 400 InvalidHeaderValue; Azure
    /// Storage accepts this older version too, so one version serves both. Raise it when the pinned
    /// Azurite knows a newer one.
    /// </summary>
    public const QueueClientOptions.ServiceVersion QueueServiceVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>
    /// The table and queue service clients, built once from <c>AzureWebJobsStorage</c> through
    /// Microsoft.Extensions.Azure (which also makes the managed-identity credential from the same
    /// section, as the Functions host does), and the app's view of them.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => StorageConnection.From(configuration));

        services.AddAzureClients(azure =>
        {
            azure.ConfigureDefaults(options => options.RetryPolicy = new StorageRetryPolicy());

            azure.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
                    sp.GetRequiredService<StorageConnection>().CreateTableServiceClient(options, credential))
                .WithCredential(Credential);

            azure.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, sp) =>
                    sp.GetRequiredService<StorageConnection>().CreateQueueServiceClient(options, credential))
                .WithCredential(Credential)
                .WithVersion(QueueServiceVersion)
                // The Functions host reads and writes queue messages as base64: what the app enqueues, its triggers read.
                .ConfigureOptions(options => options.MessageEncoding = QueueMessageEncoding.Base64);
        });

        services.AddSingleton<StorageAccount>();

        // The section's credential, clientId (and the rest) read as the Functions host reads them;
        // with none set, DefaultAzureCredential. Unused with a connection string.
        TokenCredential Credential(IServiceProvider sp) =>
            sp.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(configuration.GetSection(StorageConnection.Setting));
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        return services;
    }
}
