using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage;

/// <summary>
/// Signs Table service requests with SharedKeyLite:
/// <c>StringToSign = x-ms-date + "\n" + "/" + account + path [+ "?comp=" + value]</c>.
/// </summary>
/// <remarks>
/// The path is the request's own absolute path, so with Azurite's path-style addresses the account appears
/// twice (<c>/devstoreaccount1/devstoreaccount1/Tables</c>), which is what the emulator expects.
/// </remarks>
internal sealed class TableSharedKeyPipelinePolicy : HttpPipelineSynchronousPolicy
{
    private readonly StorageSharedKeyCredential _credential;
    private readonly TimeProvider _time;

    public TableSharedKeyPipelinePolicy(StorageSharedKeyCredential credential, TimeProvider? time = null)
    {
        _credential = credential;
        _time = time ?? TimeProvider.System;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var date = StorageDate.ToRfc1123(_time.GetUtcNow());
        message.Request.Headers.SetValue("x-ms-date", date);
        var signature = _credential.ComputeHmacSha256(BuildStringToSign(message.Request.Uri.ToUri(), date, _credential.AccountName));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {_credential.AccountName}:{signature}");
    }

    internal static string BuildStringToSign(Uri uri, string date, string accountName)
    {
        var comp = SharedKeyQuery.Parse(uri.Query).FirstOrDefault(p => string.Equals(p.Name, "comp", StringComparison.OrdinalIgnoreCase));
        var resource = $"/{accountName}{uri.AbsolutePath}";
        return comp.Name is null ? $"{date}\n{resource}" : $"{date}\n{resource}?comp={comp.Value}";
    }
}
