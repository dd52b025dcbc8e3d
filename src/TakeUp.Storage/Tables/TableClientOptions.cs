using Azure.Core;

namespace TakeUp.Storage;

/// <summary>Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/>: transport, retries, diagnostics, service version.</summary>
public class TableClientOptions : ClientOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V2019_02_02;

    public TableClientOptions(ServiceVersion serviceVersion = LatestVersion)
    {
        VersionString = serviceVersion switch
        {
            ServiceVersion.V2019_02_02 => "2019-02-02",
            _ => throw new ArgumentOutOfRangeException(nameof(serviceVersion), serviceVersion, "Unknown Table service version."),
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

    internal string VersionString { get; }
}
