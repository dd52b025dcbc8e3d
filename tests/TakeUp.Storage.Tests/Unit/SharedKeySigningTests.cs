using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Unit;

/// <summary>
/// Signatures computed here from literal strings-to-sign (the documented formats), compared with what the
/// policies put on the wire. The emulator tests prove the same signatures are accepted.
/// </summary>
public sealed class SharedKeySigningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 30, 15, TimeSpan.Zero);
    private const string NowRfc1123 = "Sat, 21 Nov 2026 09:30:15 GMT";

    [Fact]
    public async Task Table_requests_are_signed_with_SharedKeyLite_over_the_date_and_canonical_path()
    {
        var wire = await SendAsync(new TableSharedKeyPipelinePolicy(TestAccount.Credential, new FixedTimeProvider(Now)), RequestMethod.Get,
            "https://takeupdev.table.core.windows.net/orders(PartitionKey='a',RowKey='b')?$select=Name");

        Assert.Equal(NowRfc1123, wire.Header("x-ms-date"));
        var expected = TestAccount.Sign($"{NowRfc1123}\n/takeupdev/orders(PartitionKey='a',RowKey='b')");
        Assert.Equal($"SharedKeyLite takeupdev:{expected}", wire.Header("Authorization"));
    }

    [Fact]
    public async Task Table_signatures_keep_the_account_twice_for_path_style_addresses_and_include_comp()
    {
        var wire = await SendAsync(new TableSharedKeyPipelinePolicy(new StorageSharedKeyCredential("devstoreaccount1", TestAccount.Key), new FixedTimeProvider(Now)),
            RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/?restype=service&comp=properties");

        var expected = TestAccount.Sign($"{NowRfc1123}\n/devstoreaccount1/devstoreaccount1/?comp=properties");
        Assert.Equal($"SharedKeyLite devstoreaccount1:{expected}", wire.Header("Authorization"));
    }

    [Fact]
    public async Task Queue_requests_are_signed_with_SharedKey_over_headers_and_sorted_decoded_query()
    {
        var wire = await SendAsync(new QueueSharedKeyPipelinePolicy(TestAccount.Credential, new FixedTimeProvider(Now)), RequestMethod.Put,
            "https://takeupdev.queue.core.windows.net/orders/messages/abc?visibilitytimeout=0&popreceipt=AB%2Bc%2Fd%3D%3D",
            headers: [("x-ms-version", "2019-02-02")]);

        var stringToSign =
            "PUT\n\n\n\n\n\n\n\n\n\n\n\n" +
            $"x-ms-date:{NowRfc1123}\nx-ms-version:2019-02-02\n" +
            "/takeupdev/orders/messages/abc\npopreceipt:AB+c/d==\nvisibilitytimeout:0";
        Assert.Equal($"SharedKey takeupdev:{TestAccount.Sign(stringToSign)}", wire.Header("Authorization"));
    }

    [Fact]
    public async Task Queue_signatures_cover_content_length_and_content_type()
    {
        const string body = "<QueueMessage><MessageText>aGk=</MessageText></QueueMessage>";
        var wire = await SendAsync(new QueueSharedKeyPipelinePolicy(TestAccount.Credential, new FixedTimeProvider(Now)), RequestMethod.Post,
            "http://127.0.0.1:10001/takeupdev/orders/messages",
            headers: [("x-ms-version", "2019-02-02"), ("Content-Type", "application/xml")],
            body: body);

        var stringToSign =
            $"POST\n\n\n{body.Length}\n\napplication/xml\n\n\n\n\n\n\n" +
            $"x-ms-date:{NowRfc1123}\nx-ms-version:2019-02-02\n" +
            "/takeupdev/takeupdev/orders/messages";
        Assert.Equal($"SharedKey takeupdev:{TestAccount.Sign(stringToSign)}", wire.Header("Authorization"));
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), wire.Header("Content-Length"));
    }

    [Fact]
    public async Task The_table_client_signs_every_request_with_a_fresh_date()
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.NoContent).Answer(HttpStatusCode.NoContent);
        var table = new TableClient(TestAccount.TableEndpoint, "orders", TestAccount.Credential, TestAccount.TableOptions(handler));

        await table.DeleteEntityAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r"));

        Assert.All(handler.Requests, wire =>
        {
            var date = wire.Header("x-ms-date");
            Assert.Equal($"SharedKeyLite takeupdev:{TestAccount.Sign($"{date}\n/takeupdev/orders(PartitionKey='p',RowKey='r')")}", wire.Header("Authorization"));
        });
    }

    private static async Task<RecordedRequest> SendAsync(
        HttpPipelinePolicy policy, RequestMethod method, string uri, (string Name, string Value)[]? headers = null, string? body = null)
    {
        var handler = new RecordingHandler().Answer(HttpStatusCode.OK);
        var pipeline = new HttpPipeline(handler.Transport, [policy]);
        using var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        foreach (var (name, value) in headers ?? [])
        {
            message.Request.Headers.SetValue(name, value);
        }

        if (body is not null)
        {
            message.Request.Content = RequestContent.Create(System.Text.Encoding.UTF8.GetBytes(body));
        }

        await pipeline.SendAsync(message, CancellationToken.None);
        return handler.Single;
    }
}
