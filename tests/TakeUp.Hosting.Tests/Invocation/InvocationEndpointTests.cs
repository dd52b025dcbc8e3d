using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.Invocation;

public sealed class InvocationEndpointTests
{
    [Fact]
    public async Task A_successful_invocation_answers_200_with_the_custom_handler_response_shape()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/RecordMessage", Json("""
            {"Data":{"msg":"\"hello\""},"Metadata":{"DequeueCount":"1","Id":"\"m-1\""}}
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Empty(body.RootElement.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);

        var call = Assert.Single(app.Probe.CallsTo(nameof(RecordMessage)));
        Assert.Equal("hello", call.Message);
        Assert.Equal("m-1", call.Trigger.MessageId);
    }

    [Fact]
    public async Task A_json_message_is_deserialized_into_the_functions_message_type_with_web_defaults()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/RecordBatch", Json("""
            {"Data":{"msg":"{\"batchId\":\"b-7\",\"rows\":[3,4]}"},"Metadata":{}}
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = Assert.IsType<SampleBatch>(Assert.Single(app.Probe.CallsTo(nameof(RecordBatch))).Message);
        Assert.Equal("b-7", batch.BatchId);
        Assert.Equal([3, 4], batch.Rows);
    }

    [Fact]
    public async Task A_function_that_throws_answers_500_with_the_same_shape_and_no_stack_trace()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/AlwaysFails", Json("""{"Data":{"msg":"x"},"Metadata":{}}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        var log = Assert.Single(body.RootElement.GetProperty("Logs").EnumerateArray()).GetString();
        Assert.Contains(AlwaysFails.Failure, log, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);

        // The exception itself stays on the server.
        Assert.Contains(app.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception?.Message == AlwaysFails.Failure);
    }

    [Fact]
    public async Task A_message_that_does_not_fit_the_message_type_answers_500_saying_so()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/RecordBatch", Json("""{"Data":{"msg":"\"not json\""},"Metadata":{}}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("could not be read as SampleBatch", body.RootElement.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(app.Probe.CallsTo(nameof(RecordBatch)));
    }

    [Fact]
    public async Task A_body_that_is_not_an_invocation_is_refused_with_400()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/RecordMessage", Json("[1,2]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Probe.QueueCalls);
    }

    [Fact]
    public async Task A_timer_invocation_without_a_schedule_status_runs_the_timer()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/RecordTimer", Json("""
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"RecordTimer"}}}
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new TimerInfo(false, null, null), Assert.Single(app.Probe.TimerRuns));
    }

    // Azure mode: the host owns the triggers, the app only answers invocations.
    private static Task<TestApp> StartAsync() => TestApp.StartAsync(
        app =>
        {
            app.MapQueueFunction<RecordMessage, string>("messages");
            app.MapQueueFunction<RecordBatch, SampleBatch>("batches");
            app.MapQueueFunction<AlwaysFails, string>("failures");
            app.MapTimerFunction<RecordTimer>("0 0 * * * *");
        },
        new Dictionary<string, string?> { [FunctionsHostEnvironment.CustomHandlerPortSetting] = "7123" });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
