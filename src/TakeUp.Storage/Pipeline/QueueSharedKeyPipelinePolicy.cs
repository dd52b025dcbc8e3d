using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage;

/// <summary>
/// Signs Queue service requests with SharedKey (Azurite does not accept SharedKeyLite for queues).
/// </summary>
/// <remarks>
/// StringToSign = VERB, Content-Encoding, Content-Language, Content-Length (empty when 0), Content-MD5,
/// Content-Type, Date (empty: x-ms-date is used), If-Modified-Since, If-Match, If-None-Match,
/// If-Unmodified-Since, Range, each on its own line; then every <c>x-ms-*</c> header lower-cased and sorted as
/// <c>name:value\n</c>; then <c>/account/path</c> and every query parameter, sorted, as <c>\nname:value</c>.
/// </remarks>
internal sealed class QueueSharedKeyPipelinePolicy : HttpPipelineSynchronousPolicy
{
    private readonly StorageSharedKeyCredential _credential;
    private readonly TimeProvider _time;

    public QueueSharedKeyPipelinePolicy(StorageSharedKeyCredential credential, TimeProvider? time = null)
    {
        _credential = credential;
        _time = time ?? TimeProvider.System;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-date", StorageDate.ToRfc1123(_time.GetUtcNow()));
        var signature = _credential.ComputeHmacSha256(BuildStringToSign(message.Request, _credential.AccountName));
        message.Request.Headers.SetValue("Authorization", $"SharedKey {_credential.AccountName}:{signature}");
    }

    internal static string BuildStringToSign(Request request, string accountName)
    {
        string Header(string name) => request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;

        var builder = new StringBuilder()
            .Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(Header("Content-Encoding")).Append('\n')
            .Append(Header("Content-Language")).Append('\n')
            .Append(contentLength).Append('\n')
            .Append(Header("Content-MD5")).Append('\n')
            .Append(Header("Content-Type")).Append('\n')
            .Append('\n')
            .Append(Header("If-Modified-Since")).Append('\n')
            .Append(Header("If-Match")).Append('\n')
            .Append(Header("If-None-Match")).Append('\n')
            .Append(Header("If-Unmodified-Since")).Append('\n')
            .Append(Header("Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in SharedKeyQuery.Parse(uri.Query)
                     .GroupBy(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }
}
