using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using TakeUp.LocalHost.Storage;
using Xunit.Abstractions;

namespace TakeUp.Functions.Tests.Storage;

/// <summary>
/// With the emulator stopped: an HTTP caller hears 503 with Retry-After at once, and background
/// work retries for longer and then fails, so the queue delivers it again. Each test has an
/// emulator of its own, since it stops it.
/// </summary>
public class StorageOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_kind_of_request_answers_503_with_retry_after_when_storage_is_down()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobsStorage"] = emulator.ConnectionString });
        using var gds = await app.GdsAsync();
        using var ingest = await app.IngestAsync();
        await emulator.DisposeAsync();

        var calls = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("health", () => gds.GetAsync("/api/health")),
            ("a read", () => gds.GetAsync("/api/services/carers-allowance/take-up?from=2026-11-01&to=2026-11-20")),
            ("a submission", () => ingest.PostAsJsonAsync("/api/usage", new { rows = new[] { UsageApi.Row("2026-11-20", "carers-allowance", "online", 5) } })),
            ("a new caller's key lookup", () => WithKey(ApiKeySecret.Create().Key).GetAsync("/api/services")),
        };

        foreach (var (what, call) in calls)
        {
            var watch = Stopwatch.StartNew();
            using var response = await call();
            output.WriteLine($"{what}: {(int)response.StatusCode} after {watch.ElapsedMilliseconds} ms");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
            if (what != "health")
            {
                Assert.Equal(TimeSpan.FromSeconds(ProblemMiddleware.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
                Assert.Contains("Try again", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        HttpClient WithKey(string key)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("ApiKey", key);
            return client;
        }
    }

    [Fact]
    public async Task Background_work_retries_longer_than_a_request_and_then_fails_so_the_queue_retries_it()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobsStorage"] = emulator.ConnectionString });
        var usage = app.Services.GetRequiredService<UsageDailyStore>();
        await emulator.DisposeAsync();

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<AggregateException>(() => usage.ApplyAsync(
            new UsagePartitionUpdate(ServiceId.Parse("carers-allowance"), new DateOnly(2026, 11, 20), "outage-1", CountingMode.Increments,
                [new(new CountKey(Channel.Online, AssistedSupport.None), 1)], "test"),
            CancellationToken.None));
        output.WriteLine($"gave up after {error.InnerExceptions.Count} tries, {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(StorageRetryPolicy.Background.MaxRetries + 1, error.InnerExceptions.Count);
        Assert.True(StorageOutage.Is(error, CancellationToken.None));
    }

    private static Task<AzuriteProcess> StartEmulatorAsync() => Emulator.StartOwnAsync();
}
