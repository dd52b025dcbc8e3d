using Azure.Core;

namespace TakeUp.Storage;

/// <summary>Options for <see cref="QueueClient"/>: transport, retries, diagnostics, service version, message encoding.</summary>
/// <remarks>
/// Unlike Azure.Storage.Queues, whose default is <see cref="QueueMessageEncoding.None"/>, the default here is
/// <see cref="QueueMessageEncoding.Base64"/> so that messages interoperate with Azure Functions queue triggers.
/// </remarks>
public class QueueClientOptions : ClientOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V2019_02_02;

    public QueueClientOptions(ServiceVersion serviceVersion = LatestVersion)
    {
        VersionString = serviceVersion switch
        {
            ServiceVersion.V2019_02_02 => "2019-02-02",
            _ => throw new ArgumentOutOfRangeException(nameof(serviceVersion), serviceVersion, "Unknown Queue service version."),
        };
        Version = serviceVersion;
        StoragePipeline.ApplyRetryDefaults(Retry);
    }

    /// <summary>The REST API versions this client can speak (sent as <c>x-ms-version</c>).</summary>
    public enum ServiceVersion
    {
        V2019_02_02 = 1,
    }

    public ServiceVersion Version { get; }

    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    internal string VersionString { get; }
}
