using System.Text.Json;
using Azure;
using Azure.Core;

namespace TakeUp.Storage;

/// <summary>
/// Query results page by page. The service returns at most 1,000 entities a page and sets
/// <c>x-ms-continuation-NextPartitionKey</c>/<c>-NextRowKey</c> while more may follow; a page can be empty and
/// still carry a token (a query that crosses partition servers), so only a missing token ends the query.
/// </summary>
internal sealed class TableQueryPageable : AsyncPageable<TableEntity>
{
    public const int MaxPageSize = 1000;

    private readonly TableRestClient _rest;
    private readonly string _table;
    private readonly string? _filter;
    private readonly int? _maxPerPage;
    private readonly string? _select;

    public TableQueryPageable(TableRestClient rest, string table, string? filter, int? maxPerPage, string? select, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _rest = rest;
        _table = table;
        _filter = filter;
        _maxPerPage = ValidatePageSize(maxPerPage, nameof(maxPerPage));
        _select = select;
    }

    public override async IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var pageSize = ValidatePageSize(pageSizeHint, nameof(pageSizeHint)) ?? _maxPerPage;
        var token = continuationToken;
        do
        {
            var page = await GetPageAsync(token, pageSize).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    private async Task<Page<TableEntity>> GetPageAsync(string? continuationToken, int? pageSize)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (_filter is not null)
        {
            query.Add(new("$filter", _filter));
        }

        if (pageSize is not null)
        {
            query.Add(new("$top", pageSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (_select is not null)
        {
            query.Add(new("$select", _select));
        }

        if (continuationToken is not null)
        {
            var (nextPartitionKey, nextRowKey) = SplitToken(continuationToken);
            query.Add(new("NextPartitionKey", nextPartitionKey));
            if (nextRowKey is not null)
            {
                query.Add(new("NextRowKey", nextRowKey));
            }
        }

        using var message = _rest.CreateRequest(RequestMethod.Get, $"{_table}()", query: query);
        var response = StorageResponses.Expect(await _rest.SendAsync(message, CancellationToken).ConfigureAwait(false), 200);

        using var document = JsonDocument.Parse(response.Content);
        var entities = new List<TableEntity>();
        if (document.RootElement.TryGetProperty("value", out var values))
        {
            foreach (var element in values.EnumerateArray())
            {
                entities.Add(TableEntityJson.Deserialize(element));
            }
        }

        return Page<TableEntity>.FromValues(entities, JoinToken(response), response);
    }

    private static int? ValidatePageSize(int? size, string parameterName) =>
        size is null or (>= 1 and <= MaxPageSize)
            ? size
            : throw new ArgumentOutOfRangeException(parameterName, size, $"A page holds 1 to {MaxPageSize} entities.");

    // The two service tokens travel as one opaque string; the service's tokens never contain a space.
    private static string? JoinToken(Response response)
    {
        if (!response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partitionKey) || string.IsNullOrEmpty(partitionKey))
        {
            return null;
        }

        return response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rowKey) && !string.IsNullOrEmpty(rowKey)
            ? $"{partitionKey} {rowKey}"
            : partitionKey;
    }

    private static (string PartitionKey, string? RowKey) SplitToken(string token)
    {
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}
