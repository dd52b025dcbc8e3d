using System.Net;
using TakeUp.LocalHost.Configuration;
using TakeUp.LocalHost.Tests.Support;

namespace TakeUp.LocalHost.Tests.Worker;

/// <summary>The default: the worker runs as a child process from the app's build output, as under the real host.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ChildProcessWorkerTests(AzuriteFixture storage)
{
    [Fact]
    public async Task The_worker_started_from_worker_config_serves_http_and_comes_back_after_a_crash()
    {
        using var data = TestApp.Create();
        var options = TestHosts.Options(data, storage, null, null);
        options.AppDirectory = TestApp.SampleOutput;
        await using var host = await LocalFunctionsHost.StartAsync(options);
        await host.WaitForWorkerAsync(Wait.Timeout(TimeSpan.FromSeconds(60)));
        using var client = host.CreateHttpClient();

        var before = await client.GetStringAsync("api/Ping");
        var firstStatus = await StatusAsync(host, client);
        try
        {
            await client.PostAsync("api/crash", null);
        }
        catch (HttpRequestException)
        {
            // The worker died mid-request, as intended.
        }

        await host.WaitForWorkerGenerationAsync(2, Wait.Timeout(TimeSpan.FromSeconds(60)));
        var after = await client.GetAsync("api/Ping");
        var secondStatus = await StatusAsync(host, client);
        var withoutKey = await client.GetAsync("admin/host/status");

        Assert.Equal("pong", before);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal("Running", firstStatus.GetProperty("state").GetString());
        Assert.Equal(1, firstStatus.GetProperty("worker").GetProperty("generation").GetInt32());
        Assert.Equal(2, secondStatus.GetProperty("worker").GetProperty("generation").GetInt32());
        Assert.True(firstStatus.GetProperty("worker").GetProperty("readyAfterMilliseconds").GetDouble() > 0);

        // Each generation is its own process, the child of this one.
        var firstPid = firstStatus.GetProperty("worker").GetProperty("processId").GetInt32();
        var secondPid = secondStatus.GetProperty("worker").GetProperty("processId").GetInt32();
        Assert.NotEqual(firstPid, secondPid);
        Assert.DoesNotContain(System.Diagnostics.Process.GetProcesses(), p => p.Id == firstPid);
        Assert.Equal("dotnet", System.Diagnostics.Process.GetProcessById(secondPid).ProcessName);
    }

    private static async Task<System.Text.Json.JsonElement> StatusAsync(LocalFunctionsHost host, HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/host/status");
        request.Headers.Add("x-functions-key", host.MasterKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task An_app_that_is_not_built_is_reported_with_the_command_that_builds_it()
    {
        using var app = TestApp.Create();
        var error = Assert.Throws<LocalHostConfigurationException>(() =>
            FunctionAppFolder.ReadWorkerPath(app.Directory, "Build it with 'dotnet build src/App'."));

        Assert.Contains("worker.config.json is missing", error.Message);
        Assert.Contains("dotnet build src/App", error.Message);
    }
}
