using TakeUp.Hosting.LocalRuntime;

namespace TakeUp.Hosting.Tests.LocalRuntime;

public sealed class PollingBackoffTests
{
    private static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Maximum = TimeSpan.FromSeconds(60);

    [Fact]
    public void Empty_polls_wait_longer_and_longer_up_to_the_maximum_and_never_outside_the_bounds()
    {
        var backoff = new PollingBackoff(Minimum, Maximum, new Random(7));

        var waits = Enumerable.Range(0, 20).Select(_ => backoff.Next()).ToArray();

        Assert.All(waits, wait => Assert.InRange(wait, Minimum, Maximum));
        Assert.True(waits[5] > waits[0] * 8, $"The sixth wait {waits[5]} should be far longer than the first {waits[0]}.");
        Assert.True(waits[^1] >= Maximum * 0.8, $"After many empty polls the wait {waits[^1]} should be near the maximum.");
    }

    [Fact]
    public void Waits_are_jittered_so_listeners_drift_apart()
    {
        var first = new PollingBackoff(Minimum, Maximum, new Random(1));
        var second = new PollingBackoff(Minimum, Maximum, new Random(2));

        var a = Enumerable.Range(0, 8).Select(_ => first.Next()).ToArray();
        var b = Enumerable.Range(0, 8).Select(_ => second.Next()).ToArray();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_poll_that_finds_messages_resets_the_wait_to_the_minimum()
    {
        var backoff = new PollingBackoff(Minimum, Maximum, new Random(3));
        for (var i = 0; i < 15; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.InRange(backoff.Next(), Minimum, Minimum * 1.2);
    }
}
