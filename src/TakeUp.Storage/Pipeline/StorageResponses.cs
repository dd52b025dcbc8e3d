using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage;

/// <summary>Sends a request and turns unexpected answers into <see cref="RequestFailedException"/>.</summary>
internal static class StorageResponses
{
    public static async Task<Response> SendAsync(HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    public static RequestFailedException Failure(Response response) =>
        new(response, innerException: null, StorageErrorParser.Instance);

    /// <summary>Returns the response when its status is one of <paramref name="expected"/>; throws otherwise.</summary>
    public static Response Expect(Response response, params ReadOnlySpan<int> expected)
    {
        foreach (var status in expected)
        {
            if (response.Status == status)
            {
                return response;
            }
        }

        throw Failure(response);
    }

    public static string? ErrorCode(Response response) =>
        StorageErrorParser.Instance.TryParse(response, out var error, out _) ? error?.Code : null;
}
