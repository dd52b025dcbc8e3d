using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace TakeUp.Storage;

/// <summary>
/// One table: entity reads, writes, queries and entity-group transactions.
/// </summary>
/// <remarks>
/// Writes return the raw response; the entity's new version is in <c>response.Headers.ETag</c>. Conditional
/// writes fail with 412 <see cref="TableErrorCode.UpdateConditionNotSatisfied"/> when the stored entity has
/// moved on. Keys and the table name are validated before anything is sent.
/// </remarks>
public class TableClient
{
    private readonly TableRestClient _rest;

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(new TableServiceClient(connectionString, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(new TableServiceClient(endpoint, credential, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(new TableServiceClient(endpoint, credential, options), tableName)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        _rest = null!;
        Name = string.Empty;
    }

    internal TableClient(TableRestClient rest, string tableName)
    {
        _rest = rest;
        Name = tableName;
    }

    private TableClient(TableServiceClient service, string tableName)
        : this(service.GetTableClient(tableName)._rest, tableName)
    {
    }

    public virtual string Name { get; }

    /// <summary>Creates the table; an existing table is fine (the answer is then the 409 response).</summary>
    public virtual Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _rest.CreateTableIfNotExistsAsync(Name, cancellationToken);

    /// <summary>Deletes the table; a table that does not exist is not an error (the answer is then the 404 response).</summary>
    public virtual Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        _rest.DeleteTableAsync(Name, cancellationToken);

    /// <summary>Inserts the entity; fails with 409 <see cref="TableErrorCode.EntityAlreadyExists"/> if it exists.</summary>
    public virtual async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity);
        using var message = _rest.CreateRequest(RequestMethod.Post, Name, TableEntityJson.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", TableRestClient.ReturnNoContent);
        return StorageResponses.Expect(await _rest.SendAsync(message, cancellationToken).ConfigureAwait(false), 201, 204);
    }

    /// <summary>Inserts the entity, or merges into / replaces the stored one whatever its version.</summary>
    public virtual async Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity);
        using var message = CreateWrite(entity, mode, ifMatch: null);
        return StorageResponses.Expect(await _rest.SendAsync(message, cancellationToken).ConfigureAwait(false), 204);
    }

    /// <summary>
    /// Updates an existing entity if it still has version <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any
    /// version). A missing entity fails with 404, a changed one with 412.
    /// </summary>
    public virtual async Task<Response> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (ifMatch == default)
        {
            // An empty ETag is almost always a forgotten one; overwriting blindly must be asked for.
            throw new ArgumentException("An update needs the ETag the entity must still have. Pass entity.ETag, or ETag.All to update whatever its version.", nameof(ifMatch));
        }

        ValidateKeys(entity);
        using var message = CreateWrite(entity, mode, ifMatch.ToString());
        return StorageResponses.Expect(await _rest.SendAsync(message, cancellationToken).ConfigureAwait(false), 204);
    }

    /// <summary>
    /// Reads one entity, or no value (<see cref="NullableResponse{T}.HasValue"/> false) when it does not exist.
    /// A missing table is still an error.
    /// </summary>
    /// <param name="select">Properties to return; the keys are always returned.</param>
    public virtual async Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateKey(partitionKey, nameof(partitionKey));
        TableKeys.ValidateKey(rowKey, nameof(rowKey));
        var selection = Selection(select);
        using var message = _rest.CreateRequest(
            RequestMethod.Get,
            TableRestClient.EntityPath(Name, partitionKey, rowKey),
            query: selection is null ? null : [new("$select", selection)]);
        var response = await _rest.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && StorageResponses.ErrorCode(response) != TableErrorCode.TableNotFound)
        {
            return ValueResponse<TableEntity>.None(response);
        }

        StorageResponses.Expect(response, 200);
        using var document = JsonDocument.Parse(response.Content);
        var entity = TableEntityJson.Deserialize(document.RootElement, response.Headers.ETag);
        return ValueResponse<TableEntity>.Some(entity, response);
    }

    /// <summary>
    /// Deletes the entity if it still has version <paramref name="ifMatch"/> (default: any version). An entity that
    /// does not exist is not an error (the answer is then the 404 response); a changed one fails with 412.
    /// </summary>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateKey(partitionKey, nameof(partitionKey));
        TableKeys.ValidateKey(rowKey, nameof(rowKey));
        using var message = _rest.CreateRequest(RequestMethod.Delete, TableRestClient.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? ETag.All.ToString() : ifMatch.ToString());
        var response = await _rest.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && StorageResponses.ErrorCode(response) != TableErrorCode.TableNotFound)
        {
            return response;
        }

        return StorageResponses.Expect(response, 204);
    }

    /// <summary>
    /// Queries the table. Build <paramref name="filter"/> with <see cref="TableFilter"/> so that values are quoted.
    /// Pages hold at most <paramref name="maxPerPage"/> entities (1 to 1,000; the service's default is 1,000).
    /// </summary>
    /// <param name="select">Properties to return; the keys are always returned.</param>
    public virtual AsyncPageable<TableEntity> QueryAsync(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        new TableQueryPageable(_rest, Name, string.IsNullOrWhiteSpace(filter) ? null : filter, maxPerPage, Selection(select), cancellationToken);

    /// <summary>
    /// Applies up to 100 actions on one partition atomically: all of them, in order, or none. On failure throws
    /// <see cref="TableTransactionFailedException"/> naming the action that failed. The answer holds one response
    /// per action, in order (with the new ETag of each written entity).
    /// </summary>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var list = TableTransaction.Validate(actions);
        var batchBoundary = $"batch_{Guid.NewGuid():D}";
        var body = TableTransactionBody.Write(_rest, Name, list, batchBoundary, $"changeset_{Guid.NewGuid():D}");
        if (body.Length > TableTransaction.MaxPayloadBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The transaction's payload is {body.Length:N0} bytes; the Table service accepts at most {TableTransaction.MaxPayloadBytes:N0}. Split it."),
                nameof(actions));
        }

        using var message = _rest.CreateRequest(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batchBoundary}");
        message.Request.Content = RequestContent.Create(body);
        var response = StorageResponses.Expect(await _rest.SendAsync(message, cancellationToken).ConfigureAwait(false), 202);

        var parts = TableTransactionResponse.ReadParts(response);
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            var index = TableTransactionResponse.FailedIndex(failed, list.Count);
            throw new TableTransactionFailedException(failed, index, index is null ? null : list[index.Value]);
        }

        if (parts.Count != list.Count)
        {
            throw new RequestFailedException(
                response.Status,
                $"The Table service answered a transaction of {list.Count} actions with {parts.Count} results, so its outcome is unknown.",
                null,
                null);
        }

        return Response.FromValue(parts, response);
    }

    private HttpMessage CreateWrite(TableEntity entity, TableUpdateMode mode, string? ifMatch)
    {
        var method = mode switch
        {
            TableUpdateMode.Merge => RequestMethod.Patch,
            TableUpdateMode.Replace => RequestMethod.Put,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
        };
        var message = _rest.CreateRequest(method, TableRestClient.EntityPath(Name, entity.PartitionKey, entity.RowKey), TableEntityJson.Serialize(entity));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        return message;
    }

    // Keys are validated when set by callers, but not when an entity is read from the service and written back.
    private static void ValidateKeys(TableEntity entity)
    {
        TableKeys.ValidateKey(entity.PartitionKey, TableEntity.PartitionKeyName);
        TableKeys.ValidateKey(entity.RowKey, TableEntity.RowKeyName);
    }

    /// <summary>The keys are always part of a selection so that every entity read back can be written again.</summary>
    private static string? Selection(IEnumerable<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var names = new List<string> { TableEntity.PartitionKeyName, TableEntity.RowKeyName };
        foreach (var name in select)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(select));
            if (name.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a property name: pass one name per item.", nameof(select));
            }

            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return string.Join(',', names);
    }
}
