using NCrontab;
using TakeUp.Domain.Calendar;

namespace TakeUp.Functions.Hosting;

/// <summary>
/// A timer meant in Europe/London time. Azure fires timers in UTC (WEBSITE_TIME_ZONE is not
/// supported on Linux plans), so such a timer is declared with the UTC times that can match it on
/// either side of a clock change (01:30 London is 01:30 UTC in winter and 00:30 UTC in summer),
/// and each firing asks this whether it is the one meant.
/// </summary>
/// <remarks>
/// On the night the clocks go forward a time in the skipped hour (01:30 on the last Sunday of
/// March) does not exist: it is taken as the same time after the jump (02:30 BST, 01:30 UTC), so
/// the night still gets its run. On the night they go back a time in the repeated hour happens
/// twice: only the first counts, so the night does not get two.
/// </remarks>
public sealed class LondonSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };
    private readonly CrontabSchedule _utc;
    private readonly CrontabSchedule _london;

    /// <param name="utcSchedule">The six-field NCRONTAB the timer is declared with, in UTC.</param>
    /// <param name="londonSchedule">The six-field NCRONTAB meant, in Europe/London time.</param>
    public LondonSchedule(string utcSchedule, string londonSchedule)
    {
        _utc = CrontabSchedule.Parse(utcSchedule, WithSeconds);
        _london = CrontabSchedule.Parse(londonSchedule, WithSeconds);
    }

    /// <summary>
    /// True when the UTC firing this run serves is a London time of the schedule. That firing is
    /// the latest at or before <paramref name="utcNow"/>; for a late run (<paramref name="isPastDue"/>),
    /// any firing since <paramref name="lastRun"/>, so a missed night still runs once.
    /// </summary>
    public bool IsDue(DateTimeOffset utcNow, DateTimeOffset? lastRun = null, bool isPastDue = false)
    {
        var now = utcNow.UtcDateTime;
        var from = isPastDue && lastRun is { } last ? last.UtcDateTime : now.AddDays(-2);
        var firings = _utc.GetNextOccurrences(from, now.AddTicks(1)).ToList();
        if (firings.Count == 0)
        {
            return false;
        }

        return (isPastDue ? firings : [firings[^1]]).Any(IsLondonOccurrence);
    }

    /// <summary>
    /// Whether this timer invocation should do its work: always for a run by hand (the admin API
    /// sends no schedule status), otherwise only when the firing is a London time of the schedule.
    /// The status's <c>Last</c> is the host's local time (UTC on Azure), and <see cref="DateTime.MinValue"/>
    /// before the first run, which is read as no last run rather than one in year 1.
    /// </summary>
    public bool ShouldRun(Microsoft.Azure.Functions.Worker.TimerInfo timer, DateTimeOffset utcNow) =>
        timer.ScheduleStatus is not { } status
        || IsDue(utcNow, status.Last == default ? null : new DateTimeOffset(status.Last), timer.IsPastDue);

    /// <summary>True when the UTC instant is when one of the schedule's London times happens.</summary>
    public bool IsLondonOccurrence(DateTime utcFiring)
    {
        var firing = new DateTimeOffset(DateTime.SpecifyKind(utcFiring, DateTimeKind.Utc));
        var londonDay = TimeZoneInfo.ConvertTime(firing, UkTime.Zone).Date;
        return _london.GetNextOccurrences(londonDay.AddDays(-1), londonDay.AddDays(2))
            .Any(local => InstantOf(local) == firing);
    }

    /// <summary>When a London wall-clock time happens: after the jump if it was skipped, the first time if it repeats.</summary>
    public static DateTimeOffset InstantOf(DateTime londonTime)
    {
        var local = DateTime.SpecifyKind(londonTime, DateTimeKind.Unspecified);
        if (UkTime.Zone.IsInvalidTime(local))
        {
            var after = local.AddHours(1);
            return new DateTimeOffset(after, UkTime.Zone.GetUtcOffset(after));
        }

        if (UkTime.Zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, UkTime.Zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, UkTime.Zone.GetUtcOffset(local));
    }
}
