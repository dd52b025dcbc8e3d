using System.Net;
using System.Net.Http.Json;
using System.Text;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Usage;

public class IdempotencyTests
{
    private static HttpRequestMessage Post(object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task A_repeat_with_the_same_key_gets_the_first_answer_and_queues_nothing()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobs.ApplyUsageBatch.Disabled"] = "true" });
        using var ingest = await app.IngestAsync("dwp");
        var body = new { rows = new[] { Row("2026-11-20", "carers-allowance", "online", 5) } };

        var first = await ingest.SendAsync(Post(body, "feed-2026-11-20"));
        var again = await ingest.SendAsync(Post(body, "feed-2026-11-20"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, (await app.Queue(QueueNames.UsageBatches).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_retry_without_a_key_is_counted_again_but_with_a_key_is_counted_once()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync("dwp");
        using var gds = await app.GdsAsync();
        var increments = new { mode = "increments", rows = new[] { Row("2026-11-20", "state-pension-online", "online", 7) } };

        var keyed1 = await ingest.SendAsync(Post(increments, "retry-1"));
        var keyed2 = await ingest.SendAsync(Post(increments, "retry-1"));
        await WaitForReceiptAsync(ingest, (await keyed1.Content.ReadFromJsonAsync<UsageReceipt>())!.Id);
        Assert.Equal(keyed1.Headers.Location, keyed2.Headers.Location);
        Assert.Equal(7, Count(await TakeUpAsync(gds, "state-pension-online", "2026-11-20", "2026-11-20"), "online"));

        var unkeyed = await ingest.SendAsync(Post(increments, key: null));
        await WaitForReceiptAsync(ingest, (await unkeyed.Content.ReadFromJsonAsync<UsageReceipt>())!.Id);
        Assert.Equal(14, Count(await TakeUpAsync(gds, "state-pension-online", "2026-11-20", "2026-11-20"), "online"));
    }

    [Fact]
    public async Task The_same_json_written_differently_is_the_same_request_and_a_changed_value_is_not()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobs.ApplyUsageBatch.Disabled"] = "true" });
        using var ingest = await app.IngestAsync("dwp");
        HttpRequestMessage Raw(string json)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "feed-written-twice");
            return request;
        }

        var first = await ingest.SendAsync(Raw("{\"rows\":[{\"date\":\"2026-11-20\",\"service\":\"carers-allowance\",\"channel\":\"online\",\"count\":5}]}"));
        var reordered = await ingest.SendAsync(Raw("{ \"rows\": [ {\n  \"count\": 5, \"channel\": \"online\",\n  \"service\": \"carers-allowance\", \"date\": \"2026-11-20\" } ] }\n"));
        var escaped = await ingest.SendAsync(Raw("{\"rows\":[{\"date\":\"2026-11-20\",\"service\":\"carers\\u002Dallowance\",\"channel\":\"online\",\"count\":5}]}"));
        var changed = await ingest.SendAsync(Raw("{\"rows\":[{\"date\":\"2026-11-20\",\"service\":\"carers-allowance\",\"channel\":\"online\",\"count\":6}]}"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, reordered.StatusCode);
        Assert.True(reordered.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Accepted, escaped.StatusCode);
        Assert.True(escaped.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(1, (await app.Queue(QueueNames.UsageBatches).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_request_is_refused()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobs.ApplyUsageBatch.Disabled"] = "true" });
        using var ingest = await app.IngestAsync("dwp");

        await ingest.SendAsync(Post(new { rows = new[] { Row("2026-11-20", "carers-allowance", "online", 5) } }, "same-key"));
        var different = await ingest.SendAsync(Post(new { rows = new[] { Row("2026-11-20", "carers-allowance", "online", 6) } }, "same-key"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal("application/problem+json", different.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await app.Queue(QueueNames.UsageBatches).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_refused_request_does_not_use_up_its_key()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobs.ApplyUsageBatch.Disabled"] = "true" });
        using var ingest = await app.IngestAsync("dwp");

        var bad = await ingest.SendAsync(Post(new { rows = new[] { Row("2026-11-20", "carers-allowance", "fax", 5) } }, "fix-and-retry"));
        var fixedUp = await ingest.SendAsync(Post(new { rows = new[] { Row("2026-11-20", "carers-allowance", "online", 5) } }, "fix-and-retry"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, fixedUp.StatusCode);
    }

    [Fact]
    public async Task An_unprintable_key_is_refused()
    {
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobs.ApplyUsageBatch.Disabled"] = "true" });
        using var ingest = await app.IngestAsync("dwp");

        var response = await ingest.SendAsync(Post(new { rows = new[] { Row("2026-11-20", "carers-allowance", "online", 5) } }, new string('k', 300)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
