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

    [Fact]
    public async Task Storage_stopping_while_a_large_submission_is_applied_then_coming_back_counts_every_row_once_or_says_it_failed()
    {
        var root = AzuriteProcess.FindEmulatorRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No package.json pinning azurite.");
        var location = Path.Combine(Path.GetTempPath(), "takeup-outage-" + Guid.NewGuid().ToString("N"));
        var options = new AzuriteStartOptions(root, location, FreePort(), FreePort(), FreePort());
        var emulator = await AzuriteProcess.StartAsync(options);
        try
        {
            await using var app = await TakeUpApp.StartAsync(settings: new Dictionary<string, string> { ["AzureWebJobsStorage"] = emulator.ConnectionString });
            using var ingest = await app.IngestAsync();

            // 3,000 increments of one, 1,000 days of three services: several queue messages under one receipt.
            var services = new[] { "carers-allowance", "state-pension-online", "jobseekers-allowance-online" };
            var first = new DateOnly(2023, 1, 1);
            var rows = Enumerable.Range(0, 1000)
                .SelectMany(d => services.Select(s => UsageApi.Row(first.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s, "online", 1)))
                .ToArray();
            using var accepted = await ingest.PostAsJsonAsync("/api/usage?mode=increments", new { rows });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var receiptId = (await accepted.Content.ReadFromJsonAsync<UsageReceipt>())!.Id;

            // Stop it once applying has begun, gracefully (as a restart does), and bring it back.
            await TakeUpApp.EventuallyAsync(
                async () => await app.Table(TableNames.UsageDaily).QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"]).AnyAsync(),
                any => any,
                "the first days to be applied");
            Assert.True(await emulator.StopAsync(TimeSpan.FromSeconds(20)));
            await emulator.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            emulator = await AzuriteProcess.StartAsync(options);

            var receipt = await TakeUpApp.EventuallyAsync(
                async () => await ingest.GetFromJsonAsync<UsageReceipt>($"/api/usage/receipts/{receiptId}"),
                r => r!.Status is UsageReceipt.Applied or UsageReceipt.Failed,
                "the receipt to say applied or failed",
                seconds: 180);
            var store = app.Services.GetRequiredService<UsageDailyStore>();
            var counts = new List<long>();
            foreach (var service in services)
            {
                var days = await store.ReadAsync(ServiceId.Parse(service), new global::TakeUp.Domain.Calendar.DateRange(first, first.AddDays(999)), CancellationToken.None);
                counts.AddRange(days.Values.Select(c => c[new CountKey(Channel.Online, AssistedSupport.None)]));
            }

            output.WriteLine($"receipt {receipt!.Status}; {counts.Count} days stored, {counts.Sum()} rows counted");
            Assert.All(counts, c => Assert.Equal(1, c)); // nothing counted twice
            if (receipt.Status == UsageReceipt.Applied)
            {
                Assert.Equal(3000, counts.Sum());
            }
        }
        finally
        {
            await emulator.DisposeAsync();
            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Task<AzuriteProcess> StartEmulatorAsync() => Emulator.StartOwnAsync();
}
