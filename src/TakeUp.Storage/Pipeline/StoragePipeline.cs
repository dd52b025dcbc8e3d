using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage;

/// <summary>Builds the Azure.Core pipeline shared by the table and queue clients.</summary>
internal static class StoragePipeline
{
    /// <summary>The Entra ID scope for Azure Storage data-plane access.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    /// <summary>
    /// Authentication runs per retry so that every attempt carries a fresh <c>x-ms-date</c> and signature.
    /// </summary>
    public static HttpPipeline Build(ClientOptions options, HttpPipelinePolicy authentication) =>
        HttpPipelineBuilder.Build(options, [], [authentication], new StorageResponseClassifier());

    public static HttpPipelinePolicy BearerToken(TokenCredential credential) =>
        new BearerTokenAuthenticationPolicy(credential, StorageScope);

    /// <summary>
    /// Storage answers throttling with 503 (and sometimes 500): back off exponentially rather than at a fixed pace,
    /// so that many instances retrying at once spread out.
    /// </summary>
    public static void ApplyRetryDefaults(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 5;
        retry.Delay = TimeSpan.FromMilliseconds(500);
        retry.MaxDelay = TimeSpan.FromSeconds(30);
        retry.NetworkTimeout = TimeSpan.FromSeconds(100);
    }
}
