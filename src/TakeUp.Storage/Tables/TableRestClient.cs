using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage;

/// <summary>
/// Builds Table service requests (address, headers, body) and sends them through the pipeline. Shared by
/// <see cref="TableServiceClient"/> and every <see cref="TableClient"/> it hands out.
/// </summary>
internal sealed class TableRestClient
{
    public const string JsonAccept = "application/json;odata=minimalmetadata";
    public const string JsonContentType = "application/json";
    public const string DataServiceVersion = "3.0";
    public const string ReturnNoContent = "return-no-content";

    private readonly HttpPipeline _pipeline;
    private readonly string _version;

    public TableRestClient(Uri endpoint, HttpPipeline pipeline, string version)
    {
        Endpoint = endpoint;
        _pipeline = pipeline;
        _version = version;
    }

    public Uri Endpoint { get; }

    public Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken) =>
        StorageResponses.SendAsync(_pipeline, message, cancellationToken);

    /// <summary><c>table(PartitionKey='…',RowKey='…')</c> with quotes doubled and everything else percent-encoded.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{table}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    public Uri EntityUri(string table, string partitionKey, string rowKey) => Address(EntityPath(table, partitionKey, rowKey)).ToUri();

    public Uri TableUri(string table) => Address(table).ToUri();

    /// <param name="query">Unescaped names and values: every value is percent-encoded here, and only here.</param>
    public HttpMessage CreateRequest(RequestMethod method, string path, byte[]? jsonBody = null, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri = Address(path);
        foreach (var (name, value) in query ?? [])
        {
            request.Uri.AppendQuery(name, Uri.EscapeDataString(value), escapeValue: false);
        }

        request.Headers.SetValue("x-ms-version", _version);
        request.Headers.SetValue("DataServiceVersion", DataServiceVersion);
        request.Headers.SetValue("Accept", JsonAccept);
        if (jsonBody is not null)
        {
            request.Headers.SetValue("Content-Type", JsonContentType);
            request.Content = RequestContent.Create(jsonBody);
        }

        return message;
    }

    public async Task<Response> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken)
    {
        TableKeys.ValidateTableName(table, "tableName");
        using var message = CreateRequest(RequestMethod.Post, "Tables", TableNameBody(table));
        message.Request.Headers.SetValue("Prefer", ReturnNoContent);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 409 && StorageResponses.ErrorCode(response) == TableErrorCode.TableAlreadyExists)
        {
            return response;
        }

        return StorageResponses.Expect(response, 201, 204);
    }

    /// <summary>A table that is already gone is not an error: the answer is the 404 response.</summary>
    public async Task<Response> DeleteTableAsync(string table, CancellationToken cancellationToken)
    {
        TableKeys.ValidateTableName(table, "tableName");
        using var message = CreateRequest(RequestMethod.Delete, $"Tables('{table}')");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return StorageResponses.Expect(response, 204, 404);
    }

    private RequestUriBuilder Address(string path)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Endpoint);
        uri.AppendPath("/" + path, escape: false);
        return uri;
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static byte[] TableNameBody(string table)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", table);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
