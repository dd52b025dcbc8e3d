using TakeUp.Functions.Hosting;
using TakeUp.Functions.Retention;
using TakeUp.Functions.Trends;

namespace TakeUp.Functions.Tests.Hosting;

/// <summary>
/// Timers fire in UTC; a schedule meant in London time fires at both UTC times it can be and runs
/// only at the one that is. Checked on ordinary days and across the March and October changes.
/// </summary>
public class LondonScheduleTests
{
    private static readonly LondonSchedule Nightly = new(ScheduleTrendComputation.UtcSchedule, ScheduleTrendComputation.LondonTime);

    [Theory]
    [InlineData("2026-01-15T01:30:00Z", true)]   // GMT: 01:30 London is 01:30 UTC
    [InlineData("2026-01-15T00:30:00Z", false)]
    [InlineData("2026-07-15T00:30:00Z", true)]   // BST: 01:30 London is 00:30 UTC
    [InlineData("2026-07-15T01:30:00Z", false)]
    [InlineData("2026-03-29T00:30:00Z", false)]  // clocks go forward at 01:00 UTC: 00:30 UTC is 00:30 GMT
    [InlineData("2026-03-29T01:30:00Z", true)]   // 01:30 London is skipped: the night runs at 02:30 BST
    [InlineData("2026-03-30T00:30:00Z", true)]   // the first full BST night
    [InlineData("2026-10-25T00:30:00Z", true)]   // clocks go back at 01:00 UTC: 01:30 BST comes first
    [InlineData("2026-10-25T01:30:00Z", false)]  // 01:30 GMT repeats the hour: not a second run
    [InlineData("2026-10-26T01:30:00Z", true)]   // the first full GMT night
    public void The_nightly_run_is_at_half_past_one_London_time(string utcFiring, bool due)
    {
        Assert.Equal(due, Nightly.IsDue(DateTimeOffset.Parse(utcFiring, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Every_night_of_a_year_runs_exactly_once()
    {
        var perNight = new Dictionary<DateOnly, int>();
        for (var day = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); day.Year == 2026; day = day.AddDays(1))
        {
            foreach (var hour in new[] { 0, 1 })
            {
                var firing = new DateTimeOffset(day.AddHours(hour).AddMinutes(30));
                if (Nightly.IsDue(firing))
                {
                    var night = DateOnly.FromDateTime(day);
                    perNight[night] = perNight.GetValueOrDefault(night) + 1;
                }
            }
        }

        Assert.Equal(365, perNight.Count);
        Assert.All(perNight.Values, runs => Assert.Equal(1, runs));
    }

    [Theory]
    [InlineData("2026-11-23T07:00:00Z", true)]   // a winter Monday
    [InlineData("2026-11-23T06:00:00Z", false)]
    [InlineData("2026-06-01T06:00:00Z", true)]   // a summer Monday: 07:00 BST
    [InlineData("2026-06-01T07:00:00Z", false)]
    public void The_weekly_digest_goes_at_seven_on_Monday_London_time(string utcFiring, bool due)
    {
        var digest = new LondonSchedule(SendWeeklyDigest.UtcSchedule, SendWeeklyDigest.LondonTime);

        Assert.Equal(due, digest.IsDue(DateTimeOffset.Parse(utcFiring, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_late_run_after_a_missed_night_still_runs_once()
    {
        var purge = new LondonSchedule(PurgeExpiredRecords.UtcSchedule, PurgeExpiredRecords.LondonTime);
        var lastRun = new DateTimeOffset(2026, 7, 13, 2, 15, 0, TimeSpan.Zero);
        var startedLate = new DateTimeOffset(2026, 7, 14, 9, 0, 0, TimeSpan.Zero);

        Assert.True(purge.IsDue(startedLate, lastRun, isPastDue: true));
        Assert.False(purge.IsDue(startedLate, lastRun, isPastDue: false));
    }
}
