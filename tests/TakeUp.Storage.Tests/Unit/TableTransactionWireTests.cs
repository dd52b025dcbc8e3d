using System.Net;
using System.Text.RegularExpressions;
using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Unit;

public sealed class TableTransactionWireTests
{
    private const string SuccessAnswer =
        "--batchresponse_1\r\n" +
        "Content-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nDataServiceVersion: 3.0;\r\nETag: W/\"datetime'one'\"\r\n\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nDataServiceVersion: 3.0;\r\nETag: W/\"datetime'two'\"\r\n\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nDataServiceVersion: 1.0;\r\n\r\n\r\n" +
        "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

    private const string FailureAnswer =
        "--batchresponse_1\r\n" +
        "Content-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 412 Precondition Failed\r\nContent-ID: 2\r\nContent-Type: application/json;odata=minimalmetadata;charset=utf-8\r\n\r\n" +
        "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The update condition specified in the request was not satisfied.\\nRequestId:x\"}}}\r\n" +
        "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

    private readonly RecordingHandler _wire = new();

    private TableClient Table => new(TestAccount.TableEndpoint, "orders", TestAccount.Credential, TestAccount.TableOptions(_wire));

    private static List<TableTransactionAction> ThreeActions() =>
    [
        new(TableTransactionActionType.Add, new TableEntity("day", "m|b1") { ["Count"] = 5L }),
        new(TableTransactionActionType.UpdateMerge, new TableEntity("day", "totals") { ["Count"] = 12L }, new ETag("W/\"datetime'old'\"")),
        new(TableTransactionActionType.Delete, new TableEntity("day", "O'Neil")),
    ];

    [Fact]
    public async Task A_transaction_is_one_multipart_batch_with_one_changeset_of_absolute_requests()
    {
        _wire.Answer(HttpStatusCode.Accepted, SuccessAnswer, "multipart/mixed; boundary=batchresponse_1");

        await Table.SubmitTransactionAsync(ThreeActions());

        var wire = _wire.Single;
        Assert.Equal("POST", wire.Method);
        Assert.Equal("/$batch", wire.Uri.AbsolutePath);
        var batchBoundary = Regex.Match(wire.Header("Content-Type"), "^multipart/mixed; boundary=(batch_[0-9a-f-]{36})$").Groups[1].Value;
        Assert.NotEmpty(batchBoundary);

        var body = wire.BodyText;
        var changeset = Regex.Match(body, "Content-Type: multipart/mixed; boundary=(changeset_[0-9a-f-]{36})\r\n").Groups[1].Value;
        Assert.NotEmpty(changeset);
        Assert.StartsWith($"--{batchBoundary}\r\n", body);
        Assert.EndsWith($"--{changeset}--\r\n\r\n--{batchBoundary}--\r\n", body);

        var parts = body.Split($"--{changeset}\r\n").Skip(1).ToArray();
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.StartsWith("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n", p));
        Assert.All(parts, p => Assert.Contains("\r\nDataServiceVersion: 3.0\r\n", p));

        Assert.Contains("POST https://takeupdev.table.core.windows.net/orders HTTP/1.1\r\n", parts[0]);
        Assert.Contains("Prefer: return-no-content\r\n", parts[0]);
        Assert.Contains("\r\n\r\n{\"PartitionKey\":\"day\",\"RowKey\":\"m|b1\",\"Count\":\"5\",\"Count@odata.type\":\"Edm.Int64\"}\r\n", parts[0]);

        Assert.Contains("PATCH https://takeupdev.table.core.windows.net/orders(PartitionKey='day',RowKey='totals') HTTP/1.1\r\n", parts[1]);
        Assert.Contains("If-Match: W/\"datetime'old'\"\r\n", parts[1]);

        Assert.Contains("DELETE https://takeupdev.table.core.windows.net/orders(PartitionKey='day',RowKey='O%27%27Neil') HTTP/1.1\r\n", parts[2]);
        Assert.Contains("If-Match: *\r\n", parts[2]);
        Assert.DoesNotContain("Content-Type: application/json", parts[2]);
    }

    [Fact]
    public async Task A_successful_transaction_answers_one_response_per_action_with_the_new_ETags()
    {
        _wire.Answer(HttpStatusCode.Accepted, SuccessAnswer, "multipart/mixed; boundary=batchresponse_1");

        var response = await Table.SubmitTransactionAsync(ThreeActions());

        Assert.Equal(202, response.GetRawResponse().Status);
        Assert.Equal([204, 204, 204], response.Value.Select(r => r.Status));
        Assert.Equal(new ETag("W/\"datetime'one'\""), response.Value[0].Headers.ETag);
        Assert.Equal(new ETag("W/\"datetime'two'\""), response.Value[1].Headers.ETag);
        Assert.Null(response.Value[2].Headers.ETag);
    }

    [Fact]
    public async Task A_failed_transaction_names_the_failed_action_and_its_error()
    {
        _wire.Answer(HttpStatusCode.Accepted, FailureAnswer, "multipart/mixed; boundary=batchresponse_1");
        var actions = ThreeActions();

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(actions));

        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Same(actions[1], error.FailedTransactionAction);
        Assert.Equal(412, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.UpdateConditionNotSatisfied);
        Assert.Contains("update condition specified in the request was not satisfied", error.Message);
        Assert.Equal(412, error.GetRawResponse()?.Status);
    }

    [Fact]
    public void A_transaction_failure_can_be_made_by_hand_for_tests_of_callers()
    {
        var action = ThreeActions()[0];

        var error = new TableTransactionFailedException(new RequestFailedException(409, "exists", "EntityAlreadyExists", null), 0, action);

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(0, error.FailedTransactionActionIndex);
        Assert.Same(action, error.FailedTransactionAction);
    }

    [Fact]
    public async Task More_than_100_actions_are_refused_before_anything_is_sent()
    {
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(actions));

        Assert.Contains("100", error.Message);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task Actions_on_different_partitions_are_refused_before_anything_is_sent()
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(actions));

        Assert.Contains("'p1'", error.Message);
        Assert.Contains("action 1 has 'p2'", error.Message);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task The_same_entity_twice_and_an_empty_transaction_are_refused_before_anything_is_sent()
    {
        var twice = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("p", "r")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "r")),
        };

        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(twice));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([]));

        Assert.Contains("action 1 repeats RowKey 'r'", duplicate.Message);
        Assert.Empty(_wire.Requests);
    }

    [Fact]
    public async Task A_transaction_over_4_MiB_is_refused_before_anything_is_sent()
    {
        var big = new string('x', 30_000);
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}") { ["A"] = big, ["B"] = big }))
            .ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(actions));

        Assert.Contains("4,194,304", error.Message);
        Assert.Empty(_wire.Requests);
    }
}
