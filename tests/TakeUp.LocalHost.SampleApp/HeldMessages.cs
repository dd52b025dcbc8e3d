namespace TakeUp.LocalHost.SampleApp;

/// <summary>
/// Messages that start with "hold" wait here until a test releases them, so a test can see how
/// many run at once and keep one running past its lease.
/// </summary>
public sealed class HeldMessages
{
    private readonly SemaphoreSlim _released = new(0);
    private int _running;
    private int _mostRunning;

    /// <summary>How many held messages are running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The most that were ever running at once.</summary>
    public int MostRunning => Volatile.Read(ref _mostRunning);

    /// <summary>Lets <paramref name="count"/> held messages finish.</summary>
    public void Release(int count) => _released.Release(count);

    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        int most;
        while (running > (most = Volatile.Read(ref _mostRunning)) && Interlocked.CompareExchange(ref _mostRunning, running, most) != most)
        {
        }

        try
        {
            await _released.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
