namespace TakeUp.LocalHost.Tests.Support;

/// <summary>Bounded polling: tests wait for an outcome, never for a time.</summary>
internal static class Wait
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? Default);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync<object>(() => Task.FromResult(condition() ? new object() : null), what, timeout);

    public static CancellationToken Timeout(TimeSpan? timeout = null) => new CancellationTokenSource(timeout ?? Default).Token;
}
