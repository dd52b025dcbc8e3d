using System.Diagnostics;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>
/// Time that starts at a fixed instant and then runs at real speed, so dates in tests are fixed
/// while the queue listener's delays still elapse.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public static DateOnly Today => DateOnly.FromDateTime(DefaultStart.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => start + _elapsed.Elapsed;
}
