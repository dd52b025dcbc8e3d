using System.Net;
using System.Text.Json;
using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Unit;

public sealed class TableWireFormatTests
{
    private const string StoredETag = "W/\"datetime'2026-11-21T09%3A30%3A15.1234567Z'\"";

    private readonly RecordingHandler _wire = new();

    private TableClient Table => new(TestAccount.TableEndpoint, "orders", TestAccount.Credential, TestAccount.TableOptions(_wire));

    [Fact]
    public async Task An_insert_carries_the_service_headers_and_asks_for_no_content_back()
    {
        _wire.Answer(HttpStatusCode.NoContent, headers: [("ETag", StoredETag)]);

        var response = await Table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "x" });

        var wire = _wire.Single;
        Assert.Equal("POST", wire.Method);
        Assert.Equal("https://takeupdev.table.core.windows.net/orders", wire.Uri.AbsoluteUri);
        Assert.Equal("2019-02-02", wire.Header("x-ms-version"));
        Assert.Equal("3.0", wire.Header("DataServiceVersion"));
        Assert.Equal("application/json;odata=minimalmetadata", wire.Header("Accept"));
        Assert.Equal("return-no-content", wire.Header("Prefer"));
        Assert.StartsWith("application/json", wire.Header("Content-Type"));
        Assert.Equal(new ETag(StoredETag), response.Headers.ETag);
    }

    [Fact]
    public async Task Typed_properties_are_written_with_their_odata_type_annotations()
    {
        _wire.Answer(HttpStatusCode.NoContent);
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "héllo",
            ["Small"] = 42,
            ["Big"] = long.MaxValue,
            ["Ratio"] = 2.0,
            ["NotANumber"] = double.NaN,
            ["Flag"] = true,
            ["When"] = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567),
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
            ["Nothing"] = null,
        };
        entity.Timestamp = DateTimeOffset.UnixEpoch;

        await Table.AddEntityAsync(entity);

        using var json = JsonDocument.Parse(_wire.Single.Body);
        var body = json.RootElement;
        Assert.Equal("héllo", body.GetProperty("Text").GetString());
        Assert.False(body.TryGetProperty("Text@odata.type", out _));
        Assert.Equal(42, body.GetProperty("Small").GetInt32());
        Assert.False(body.TryGetProperty("Small@odata.type", out _));
        Assert.Equal("9223372036854775807", body.GetProperty("Big").GetString());
        Assert.Equal("Edm.Int64", body.GetProperty("Big@odata.type").GetString());
        Assert.Equal(2.0, body.GetProperty("Ratio").GetDouble());
        Assert.Equal("Edm.Double", body.GetProperty("Ratio@odata.type").GetString());
        Assert.Equal("NaN", body.GetProperty("NotANumber").GetString());
        Assert.Equal("Edm.Double", body.GetProperty("NotANumber@odata.type").GetString());
        Assert.True(body.GetProperty("Flag").GetBoolean());
        Assert.Equal("2026-03-29T00:30:00.1234567Z", body.GetProperty("When").GetString());
        Assert.Equal("Edm.DateTime", body.GetProperty("When@odata.type").GetString());
        Assert.Equal("6f9619ff-8b86-d011-b42d-00cf4fc964ff", body.GetProperty("Id").GetString());
        Assert.Equal("Edm.Guid", body.GetProperty("Id@odata.type").GetString());
        Assert.Equal("AAH+/w==", body.GetProperty("Bytes").GetString());
        Assert.Equal("Edm.Binary", body.GetProperty("Bytes@odata.type").GetString());
        Assert.False(body.TryGetProperty("Nothing", out _));
        Assert.False(body.TryGetProperty("Timestamp", out _));
        Assert.DoesNotContain('\n', _wire.Single.BodyText);
    }

    [Fact]
    public async Task Upserts_send_no_condition_and_use_PATCH_to_merge_or_PUT_to_replace()
    {
        _wire.Answer(HttpStatusCode.NoContent).Answer(HttpStatusCode.NoContent);

        await Table.UpsertEntityAsync(new TableEntity("p", "r"));
        await Table.UpsertEntityAsync(new TableEntity("p", "r"), TableUpdateMode.Replace);

        Assert.Equal(["PATCH", "PUT"], _wire.Requests.Select(r => r.Method));
        Assert.All(_wire.Requests, r => Assert.False(r.Headers.ContainsKey("If-Match")));
        Assert.All(_wire.Requests, r => Assert.Equal("/orders(PartitionKey='p',RowKey='r')", r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task An_update_is_conditional_on_the_ETag_it_is_given()
    {
        _wire.Answer(HttpStatusCode.NoContent);

        await Table.UpdateEntityAsync(new TableEntity("p", "r"), new ETag(StoredETag), TableUpdateMode.Replace);

        Assert.Equal("PUT", _wire.Single.Method);
        Assert.Equal(StoredETag, _wire.Single.Header("If-Match"));
    }

    [Fact]
    public async Task An_update_without_an_ETag_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Table.UpdateEntityAsync(new TableEntity("p", "r"), default));

        Assert.Contains("ETag.All", error.Message);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task A_delete_without_an_ETag_matches_any_version()
    {
        _wire.Answer(HttpStatusCode.NoContent);

        await Table.DeleteEntityAsync("p", "r");

        Assert.Equal("DELETE", _wire.Single.Method);
        Assert.Equal("*", _wire.Single.Header("If-Match"));
    }

    [Fact]
    public async Task Keys_are_quoted_and_percent_encoded_in_the_entity_address()
    {
        _wire.Answer(HttpStatusCode.NotFound, """{"odata.error":{"code":"ResourceNotFound","message":{"value":"nope"}}}""");

        await Table.GetEntityIfExistsAsync("O'Brien & Ünïcødé", "100% + more");

        Assert.Equal(
            "/orders(PartitionKey='O%27%27Brien%20%26%20%C3%9Cn%C3%AFc%C3%B8d%C3%A9',RowKey='100%25%20%2B%20more')",
            _wire.Single.Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_missing_entity_is_no_value_rather_than_an_error()
    {
        _wire.Answer(HttpStatusCode.NotFound, """{"odata.error":{"code":"ResourceNotFound","message":{"lang":"en-US","value":"The specified resource does not exist."}}}""");

        var response = await Table.GetEntityIfExistsAsync("p", "r");

        Assert.False(response.HasValue);
        Assert.Equal(404, response.GetRawResponse().Status);
        Assert.Throws<InvalidOperationException>(() => response.Value);
    }

    [Fact]
    public async Task A_missing_table_is_still_an_error_when_reading_an_entity()
    {
        _wire.Answer(HttpStatusCode.NotFound, """{"odata.error":{"code":"TableNotFound","message":{"value":"The table specified does not exist."}}}""");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.GetEntityIfExistsAsync("p", "r"));

        Assert.Equal(404, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.TableNotFound);
    }

    [Fact]
    public async Task A_found_entity_takes_its_ETag_from_the_response_and_its_types_from_the_annotations()
    {
        _wire.Answer(
            HttpStatusCode.OK,
            """{"odata.etag":"W/\"x\"","PartitionKey":"p","RowKey":"r","Timestamp":"2026-11-21T09:30:15.1234567Z","Small":7,"Big@odata.type":"Edm.Int64","Big":"-9223372036854775808","Whole":3.0,"Inf@odata.type":"Edm.Double","Inf":"-Infinity"}""",
            headers: [("ETag", StoredETag)]);

        var response = await Table.GetEntityIfExistsAsync("p", "r", select: ["Small"]);

        Assert.True(response.HasValue);
        var entity = response.Value!;
        Assert.Equal("$select=PartitionKey%2CRowKey%2CSmall", _wire.Single.Uri.Query.TrimStart('?'));
        Assert.Equal(new ETag(StoredETag), entity.ETag);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.Equal(7, entity["Small"]);
        Assert.Equal(long.MinValue, entity["Big"]);
        Assert.Equal(3.0, entity["Whole"]);
        Assert.Equal(double.NegativeInfinity, entity.GetDouble("Inf"));
    }

    [Fact]
    public async Task Service_errors_become_RequestFailedException_with_status_code_and_message()
    {
        _wire.Answer(HttpStatusCode.Conflict, """{"odata.error":{"code":"EntityAlreadyExists","message":{"lang":"en-US","value":"The specified entity already exists."}}}""");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("The specified entity already exists.", error.Message);
        Assert.Single(_wire.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_with_back_off_until_it_succeeds()
    {
        _wire.Answer(HttpStatusCode.ServiceUnavailable, """{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}""")
            .Answer(HttpStatusCode.ServiceUnavailable)
            .Answer(HttpStatusCode.NoContent);

        var response = await Table.UpsertEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(204, response.Status);
        Assert.Equal(3, _wire.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_and_surface_the_last_answer()
    {
        var options = TestAccount.TableOptions(_wire);
        options.Retry.MaxRetries = 2;
        for (var i = 0; i < 3; i++)
        {
            _wire.Answer(HttpStatusCode.InternalServerError, """{"odata.error":{"code":"InternalError","message":{"value":"oops"}}}""");
        }

        var table = new TableClient(TestAccount.TableEndpoint, "orders", TestAccount.Credential, options);
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpsertEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(500, error.Status);
        Assert.Equal(3, _wire.Requests.Count);
    }

    [Fact]
    public async Task A_query_encodes_the_whole_filter_and_follows_continuation_tokens_across_empty_pages()
    {
        _wire.Answer(HttpStatusCode.OK, """{"value":[{"PartitionKey":"a","RowKey":"1"}]}""",
                headers: [("x-ms-continuation-NextPartitionKey", "1!4!YQ--"), ("x-ms-continuation-NextRowKey", "1!4!Mg--")])
            .Answer(HttpStatusCode.OK, """{"value":[]}""", headers: [("x-ms-continuation-NextPartitionKey", "1!4!Yg--")])
            .Answer(HttpStatusCode.OK, """{"value":[{"PartitionKey":"b","RowKey":"1"}]}""");
        var filter = TableFilter.Create($"Name eq {"it's 100% + #1 & Ünï"}");

        var entities = new List<TableEntity>();
        await foreach (var entity in Table.QueryAsync(filter, maxPerPage: 500))
        {
            entities.Add(entity);
        }

        Assert.Equal(["a", "b"], entities.Select(e => e.PartitionKey));
        Assert.Equal(3, _wire.Requests.Count);
        var first = _wire.Requests[0].Uri;
        Assert.Equal("/orders()", first.AbsolutePath);
        Assert.Equal(
            "?$filter=Name%20eq%20%27it%27%27s%20100%25%20%2B%20%231%20%26%20%C3%9Cn%C3%AF%27&$top=500",
            first.Query);
        Assert.EndsWith("&NextPartitionKey=1%214%21YQ--&NextRowKey=1%214%21Mg--", _wire.Requests[1].Uri.Query);
        Assert.EndsWith("&NextPartitionKey=1%214%21Yg--", _wire.Requests[2].Uri.Query);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_page_size_outside_1_to_1000_is_refused(int maxPerPage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.QueryAsync(maxPerPage: maxPerPage));
    }

    [Fact]
    public async Task Creating_an_existing_table_is_fine_but_other_conflicts_are_not()
    {
        _wire.Answer(HttpStatusCode.Conflict, """{"odata.error":{"code":"TableAlreadyExists","message":{"value":"exists"}}}""")
            .Answer(HttpStatusCode.Conflict, """{"odata.error":{"code":"TableBeingDeleted","message":{"value":"being deleted"}}}""");

        var existing = await Table.CreateIfNotExistsAsync();
        var beingDeleted = await Assert.ThrowsAsync<RequestFailedException>(() => Table.CreateIfNotExistsAsync());

        Assert.Equal(409, existing.Status);
        Assert.Equal("TableBeingDeleted", beingDeleted.ErrorCode);
        Assert.Equal("/Tables", _wire.Requests[0].Uri.AbsolutePath);
        Assert.Equal("""{"TableName":"orders"}""", _wire.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_path_style_endpoint_with_a_trailing_slash_does_not_double_the_slash()
    {
        _wire.Answer(HttpStatusCode.NoContent);
        var service = new TableServiceClient(new Uri("http://127.0.0.1:10002/devstoreaccount1/"), TestAccount.Credential, TestAccount.TableOptions(_wire));

        await service.GetTableClient("orders").AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal("/devstoreaccount1/orders", _wire.Single.Uri.AbsolutePath);
    }
}
