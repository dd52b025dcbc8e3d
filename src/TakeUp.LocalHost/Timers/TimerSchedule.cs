using System.Globalization;
using NCrontab;
using TakeUp.LocalHost.Configuration;

namespace TakeUp.LocalHost.Timers;

/// <summary>
/// A timer trigger's schedule as the host reads it: NCRONTAB with seconds (six fields; five are
/// accepted too) or a constant interval (<c>hh:mm:ss</c>). Occurrences are in UTC, as in Azure.
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string functionName, string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 5 or 6)
        {
            var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 });
            if (cron is not null)
            {
                return new TimerSchedule(expression, cron, TimeSpan.Zero);
            }
        }
        else if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(expression, null, interval);
        }

        throw new LocalHostConfigurationException(
            $"The timer schedule '{expression}' of {functionName} is neither an NCRONTAB expression ('{{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}') nor a time span.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        if (_cron is null)
        {
            return after + _interval;
        }

        var next = _cron.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }
}
