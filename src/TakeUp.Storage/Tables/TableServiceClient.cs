using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage;

/// <summary>
/// The Table service of one storage account: creates and deletes tables and hands out <see cref="TableClient"/>s
/// that share its pipeline.
/// </summary>
public class TableServiceClient
{
    private readonly TableRestClient _rest;

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(endpoint, new TableSharedKeyPipelinePolicy(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, StoragePipeline.BearerToken(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
        _rest = null!;
    }

    private TableServiceClient(StorageConnection connection, TableClientOptions? options)
        : this(connection.TableEndpoint, new TableSharedKeyPipelinePolicy(connection.RequireCredential()), options)
    {
    }

    private TableServiceClient(Uri endpoint, HttpPipelinePolicy authentication, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new TableClientOptions();
        _rest = new TableRestClient(StorageUri.WithoutTrailingSlash(endpoint), StoragePipeline.Build(options, authentication), options.VersionString);
    }

    public virtual Uri Uri => _rest.Endpoint;

    public virtual TableClient GetTableClient(string tableName)
    {
        TableKeys.ValidateTableName(tableName, nameof(tableName));
        return new TableClient(_rest, tableName);
    }

    /// <summary>Creates the table; an existing table is fine (the answer is then the 409 response).</summary>
    public virtual Task<Response> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        _rest.CreateTableIfNotExistsAsync(tableName, cancellationToken);

    /// <summary>Deletes the table; a table that does not exist is not an error (the answer is then the 404 response).</summary>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        _rest.DeleteTableAsync(tableName, cancellationToken);
}
