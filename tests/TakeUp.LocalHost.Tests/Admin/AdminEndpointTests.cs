using System.Net;
using System.Net.Http.Json;
using TakeUp.LocalHost.Tests.Support;

namespace TakeUp.LocalHost.Tests.Admin;

[Collection(LocalHostCollection.Name)]
public sealed class AdminEndpointTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Running_a_function_needs_the_master_key()
    {
        using var app = TestApp.Create();
        var (host, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();

        var withoutKey = await client.PostAsJsonAsync("admin/functions/RecordQueueMessage", new { input = "x" });
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "admin/functions/RecordQueueMessage") { Content = JsonContent.Create(new { input = "x" }) };
        wrong.Headers.Add("x-functions-key", "not-the-key");
        var withWrongKey = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongKey.StatusCode);
    }

    [Fact]
    public async Task With_the_master_key_a_queue_function_runs_now_with_the_input()
    {
        using var app = TestApp.Create();
        var (host, worker) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = host;
        using var client = host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/functions/RecordQueueMessage") { Content = JsonContent.Create(new { input = "from the admin api" }) };
        request.Headers.Add("x-functions-key", host.MasterKey);

        var response = await client.SendAsync(request);
        await Wait.UntilAsync(() => worker.Recorder.Records.Any(), "the admin invocation");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("from the admin api", worker.Recorder.Records.Single().Input);
    }

    [Fact]
    public async Task The_master_key_is_generated_once_and_kept_under_the_data_directory()
    {
        using var app = TestApp.Create();
        var (first, _) = await TestHosts.StartInProcessAsync(app, storage);
        var firstKey = first.MasterKey;
        await first.DisposeAsync();
        var (second, _) = await TestHosts.StartInProcessAsync(app, storage);
        await using var running = second;

        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "host-keys.json")));
        Assert.Contains(firstKey, await File.ReadAllTextAsync(Path.Combine(app.DataDirectory, "host-keys.json")));
        Assert.Equal(firstKey, second.MasterKey);
        Assert.True(firstKey.Length >= 32);
    }
}
