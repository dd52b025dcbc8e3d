using System.Text;
using Azure;

namespace TakeUp.Storage;

/// <summary>
/// Writes a <c>$batch</c> request: a multipart/mixed body holding one changeset, whose parts are
/// application/http requests addressed with absolute URIs, one per action, in order.
/// </summary>
internal static class TableTransactionBody
{
    private const string NewLine = "\r\n";

    public static byte[] Write(TableRestClient rest, string table, IReadOnlyList<TableTransactionAction> actions, string batchBoundary, string changesetBoundary)
    {
        using var body = new MemoryStream();
        void Text(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            body.Write(bytes, 0, bytes.Length);
        }

        Text($"--{batchBoundary}{NewLine}");
        Text($"Content-Type: multipart/mixed; boundary={changesetBoundary}{NewLine}{NewLine}");
        foreach (var action in actions)
        {
            var (method, uri, json, ifMatch) = Describe(rest, table, action);
            Text($"--{changesetBoundary}{NewLine}");
            Text($"Content-Type: application/http{NewLine}");
            Text($"Content-Transfer-Encoding: binary{NewLine}{NewLine}");
            Text($"{method} {uri.AbsoluteUri} HTTP/1.1{NewLine}");
            Text($"Accept: {TableRestClient.JsonAccept}{NewLine}");
            Text($"DataServiceVersion: {TableRestClient.DataServiceVersion}{NewLine}");
            if (json is not null)
            {
                Text($"Content-Type: {TableRestClient.JsonContentType}{NewLine}");
            }

            if (method == "POST")
            {
                Text($"Prefer: {TableRestClient.ReturnNoContent}{NewLine}");
            }

            if (ifMatch is not null)
            {
                Text($"If-Match: {ifMatch}{NewLine}");
            }

            Text(NewLine);
            if (json is not null)
            {
                body.Write(json, 0, json.Length);
                Text(NewLine);
            }

            Text(NewLine);
        }

        Text($"--{changesetBoundary}--{NewLine}{NewLine}");
        Text($"--{batchBoundary}--{NewLine}");
        return body.ToArray();
    }

    private static (string Method, Uri Uri, byte[]? Json, string? IfMatch) Describe(TableRestClient rest, string table, TableTransactionAction action)
    {
        var entity = action.Entity;
        var ifMatch = action.ETag == default ? ETag.All.ToString() : action.ETag.ToString();
        Uri EntityUri() => rest.EntityUri(table, entity.PartitionKey, entity.RowKey);
        return action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", rest.TableUri(table), TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.UpdateMerge => ("PATCH", EntityUri(), TableEntityJson.Serialize(entity), ifMatch),
            TableTransactionActionType.UpdateReplace => ("PUT", EntityUri(), TableEntityJson.Serialize(entity), ifMatch),
            TableTransactionActionType.UpsertMerge => ("PATCH", EntityUri(), TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.UpsertReplace => ("PUT", EntityUri(), TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.Delete => ("DELETE", EntityUri(), null, ifMatch),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };
    }
}
