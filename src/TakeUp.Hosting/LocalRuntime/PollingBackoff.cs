namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// Waits between polls of an empty (or failing) queue: doubling from the minimum up to the
/// maximum, each wait jittered by up to a fifth either way so that many listeners drift apart,
/// as the Functions host's randomized exponential back-off does.
/// </summary>
internal sealed class PollingBackoff(TimeSpan minimum, TimeSpan maximum, Random random)
{
    private TimeSpan _current = TimeSpan.Zero;

    public TimeSpan Next()
    {
        _current = _current == TimeSpan.Zero
            ? minimum
            : TimeSpan.FromTicks(_current.Ticks > maximum.Ticks / 2 ? maximum.Ticks : _current.Ticks * 2);

        var jitter = 0.8 + (random.NextDouble() * 0.4);
        var jittered = TimeSpan.FromTicks((long)(_current.Ticks * jitter));
        return jittered < minimum ? minimum : jittered > maximum ? maximum : jittered;
    }

    /// <summary>Called when a poll found messages: the next empty poll waits the minimum again.</summary>
    public void Reset() => _current = TimeSpan.Zero;
}
