using NCrontab;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// A six-field NCRONTAB schedule read as Europe/London wall-clock time, giving UTC instants.
/// </summary>
/// <remarks>
/// Across the clock changes: a wall time that does not exist (01:00-01:59 on the last Sunday of
/// March) runs at the same distance past the change, so a daily 01:30 runs at 02:30 BST that day
/// rather than being skipped. A wall time that happens twice (01:00-01:59 on the last Sunday of
/// October) runs once, at its first (BST) instant. The Functions host behaves the same way,
/// which keeps "daily" jobs daily.
/// </remarks>
internal sealed class LondonSchedule
{
    public const string TimeZoneId = "Europe/London";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
    private readonly CrontabSchedule _schedule;

    private LondonSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    /// <exception cref="InvalidOperationException">The expression is not a six-field NCRONTAB; the message names the function.</exception>
    public static LondonSchedule Parse(string functionName, string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            if (fields != 6)
            {
                throw new CrontabException($"it has {fields} fields");
            }

            return new LondonSchedule(expression, CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
        }
        catch (CrontabException ex)
        {
            throw new InvalidOperationException(
                $"Timer function '{functionName}' has the schedule '{expression}', which is not a six-field NCRONTAB expression " +
                $"'{{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}' (e.g. '0 30 1 * * *' for 01:30 daily): {ex.Message}",
                ex);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>; null if the schedule never occurs again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London).DateTime;
        while (true)
        {
            var candidate = _schedule.GetNextOccurrence(local, DateTime.MaxValue);
            if (candidate == DateTime.MaxValue)
            {
                return null;
            }

            // An ambiguous wall time already passed in its first (BST) instant maps to an
            // instant before the one asked about: keep looking rather than run it twice.
            var occurrence = ToInstant(candidate);
            if (occurrence > instant)
            {
                return occurrence;
            }

            local = candidate;
        }
    }

    private static DateTimeOffset ToInstant(DateTime wallTime)
    {
        if (London.IsInvalidTime(wallTime))
        {
            // The offset in force before the clocks went forward (no zone changes twice a day).
            return new DateTimeOffset(wallTime, London.GetUtcOffset(wallTime.AddDays(-1)));
        }

        if (London.IsAmbiguousTime(wallTime))
        {
            return new DateTimeOffset(wallTime, London.GetAmbiguousTimeOffsets(wallTime).Max());
        }

        return new DateTimeOffset(wallTime, London.GetUtcOffset(wallTime));
    }
}
