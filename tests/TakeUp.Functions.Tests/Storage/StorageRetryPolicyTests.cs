using Azure.Core.Pipeline;
using Azure.Data.Tables;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Tests.Storage;

/// <summary>
/// Which retries a storage call gets depends on who is waiting for it. On a transport that counts
/// the tries and refuses every one (no network), so the test measures tries, not time.
/// </summary>
public class StorageRetryPolicyTests
{
    private static readonly StorageRetrySettings QuickRequest = new(2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    private static readonly StorageRetrySettings QuickBackground = new(5, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_call_in_the_background_gets_the_background_retries()
    {
        var (client, transport) = Client();

        var error = await Assert.ThrowsAsync<AggregateException>(() => client.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(QuickBackground.MaxRetries + 1, transport.Tries);
        Assert.True(StorageOutage.Is(error, CancellationToken.None));
    }

    [Fact]
    public async Task A_call_on_an_http_request_gets_the_short_retries()
    {
        var (client, transport) = Client();

        var error = await Assert.ThrowsAsync<AggregateException>(() => Task.Run(async () =>
        {
            StorageCallPath.EnterRequest();
            await client.GetEntityIfExistsAsync<TableEntity>("p", "r");
        }));

        Assert.Equal(QuickRequest.MaxRetries + 1, transport.Tries);
        Assert.True(StorageOutage.Is(error, CancellationToken.None));
    }

    [Fact]
    public async Task The_request_path_does_not_leak_into_work_started_elsewhere()
    {
        var (client, transport) = Client();
        await Task.Run(StorageCallPath.EnterRequest);

        await Assert.ThrowsAsync<AggregateException>(() => client.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(QuickBackground.MaxRetries + 1, transport.Tries);
    }

    [Fact]
    public void The_shipped_request_path_gives_up_well_inside_two_seconds_when_storage_refuses()
    {
        // Three tries with the two back-offs between them; a refused connection costs no network time.
        var worstCase = StorageRetryPolicy.Request.MaxDelay * StorageRetryPolicy.Request.MaxRetries;

        Assert.True(worstCase < TimeSpan.FromSeconds(1), $"request-path back-off adds up to {worstCase}");
        Assert.True(StorageRetryPolicy.Background.MaxRetries > StorageRetryPolicy.Request.MaxRetries);
    }

    [Fact]
    public void A_conflict_or_a_cancellation_the_caller_asked_for_is_not_an_outage()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(StorageOutage.Is(new Azure.RequestFailedException(409, "conflict"), CancellationToken.None));
        Assert.False(StorageOutage.Is(new OperationCanceledException(), cancelled.Token));
        Assert.True(StorageOutage.Is(new TaskCanceledException("network timeout"), CancellationToken.None));
        Assert.True(StorageOutage.Is(new Azure.RequestFailedException(503, "busy"), CancellationToken.None));
    }

    private static (TableClient Client, RefusingHandler Transport) Client()
    {
        var handler = new RefusingHandler();
        var options = new TableClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(handler)),
            RetryPolicy = new StorageRetryPolicy(QuickRequest, QuickBackground),
        };
        return (new TableClient("UseDevelopmentStorage=true", "probe", options), handler);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        private int _tries;

        public int Tries => _tries;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _tries);
            throw new HttpRequestException("Connection refused (test transport)");
        }
    }
}
