using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.LocalRuntime;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task Running_a_queue_function_from_the_admin_endpoint_answers_202_and_delivers_the_input_as_the_message()
    {
        await using var app = await TestApp.StartAsync(Map);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/admin/functions/RecordMessage", Json("""{"input":"from the admin endpoint"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.Until(() => app.Probe.CallsTo(nameof(RecordMessage)).Count == 1, "the function has run");
        var call = Assert.Single(app.Probe.CallsTo(nameof(RecordMessage)));
        Assert.Equal("from the admin endpoint", call.Message);
        Assert.Equal(1, call.Trigger.DequeueCount);
    }

    [Fact]
    public async Task Running_a_timer_from_the_admin_endpoint_fires_it_now()
    {
        await using var app = await TestApp.StartAsync(Map);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/admin/functions/RecordTimer", Json("{}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.Until(() => app.Probe.TimerRuns.Count == 1, "the timer has run");
        Assert.False(Assert.Single(app.Probe.TimerRuns).IsPastDue);
    }

    [Fact]
    public async Task An_unknown_function_is_404()
    {
        await using var app = await TestApp.StartAsync(Map);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/admin/functions/NoSuchFunction", Json("""{"input":"x"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_http_function_is_400_because_it_is_called_on_its_route()
    {
        await using var app = await TestApp.StartAsync(Map);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/admin/functions/GetUsage", Json("""{"input":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_queue_function_without_input_is_400()
    {
        await using var app = await TestApp.StartAsync(Map);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/admin/functions/RecordMessage", Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Probe.QueueCalls);
    }

    [Fact]
    public async Task Shutdown_waits_for_an_admin_run_still_in_progress()
    {
        var app = await TestApp.StartAsync(app => app.MapQueueFunction<WaitsForGate, string>("slow"));
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/admin/functions/WaitsForGate", Json("""{"input":"x"}"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.Until(() => app.Probe.CallsTo(nameof(WaitsForGate)).Count == 1, "the function has started");

        var stopping = app.App.StopAsync();

        // Shutdown cancels the run and waits for it to end before completing.
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(stopping.IsCompletedSuccessfully);
        Assert.Contains(app.Logs.Entries, entry => entry.Message.Contains("WaitsForGate was cancelled", StringComparison.Ordinal));
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_admin_endpoint_does_not_exist_under_the_functions_host()
    {
        await using var app = await TestApp.StartAsync(
            Map, new Dictionary<string, string?> { [FunctionsHostEnvironment.CustomHandlerPortSetting] = "7124" });
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/admin/functions/RecordMessage", Json("""{"input":"x"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(app.Probe.QueueCalls);
    }

    private static void Map(WebApplication app)
    {
        app.MapQueueFunction<RecordMessage, string>("admin-messages");
        app.MapTimerFunction<RecordTimer>("0 0 7 * * 1");
        app.MapGet("/api/usage", () => Results.Ok()).AsFunction("GetUsage");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
