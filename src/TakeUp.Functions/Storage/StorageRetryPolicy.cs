using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Functions.Storage;

/// <summary>
/// Retries storage calls per path (<see cref="StorageCallPath"/>). On an HTTP request a storage
/// outage must answer 503 within about two seconds; in a queue or timer function it is better to
/// wait out a short blip, and past that to fail the invocation so the host delivers it again.
/// </summary>
public sealed class StorageRetryPolicy : RetryPolicy
{
    /// <summary>
    /// Request path: three tries at most, close together, so an unreachable account answers in
    /// well under two seconds. The network timeout only bounds a hung connection: a large
    /// transaction on a busy account can legitimately take seconds.
    /// </summary>
    public static readonly StorageRetrySettings Request = new(
        MaxRetries: 2, Delay: TimeSpan.FromMilliseconds(100), MaxDelay: TimeSpan.FromMilliseconds(400), NetworkTimeout: TimeSpan.FromSeconds(10));

    /// <summary>Background path: about half a minute of retries before the invocation fails.</summary>
    public static readonly StorageRetrySettings Background = new(
        MaxRetries: 5, Delay: TimeSpan.FromSeconds(0.8), MaxDelay: TimeSpan.FromSeconds(15), NetworkTimeout: TimeSpan.FromSeconds(60));

    private readonly (RetryPolicy Policy, TimeSpan NetworkTimeout) _request;
    private readonly (RetryPolicy Policy, TimeSpan NetworkTimeout) _background;

    public StorageRetryPolicy()
        : this(Request, Background)
    {
    }

    public StorageRetryPolicy(StorageRetrySettings request, StorageRetrySettings background)
    {
        _request = (request.CreatePolicy(), request.NetworkTimeout);
        _background = (background.CreatePolicy(), background.NetworkTimeout);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (policy, networkTimeout) = StorageCallPath.IsRequest ? _request : _background;
        message.NetworkTimeout = networkTimeout;
        return policy.ProcessAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (policy, networkTimeout) = StorageCallPath.IsRequest ? _request : _background;
        message.NetworkTimeout = networkTimeout;
        policy.Process(message, pipeline);
    }
}

/// <summary>How one path retries: exponential back-off with jitter (Azure.Core's), capped.</summary>
public sealed record StorageRetrySettings(int MaxRetries, TimeSpan Delay, TimeSpan MaxDelay, TimeSpan NetworkTimeout)
{
    public RetryPolicy CreatePolicy() =>
        new(MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(Delay, MaxDelay));
}
