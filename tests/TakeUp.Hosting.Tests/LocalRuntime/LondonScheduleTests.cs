using TakeUp.Hosting.LocalRuntime;

namespace TakeUp.Hosting.Tests.LocalRuntime;

public sealed class LondonScheduleTests
{
    private static readonly LondonSchedule DailyAt0130 = LondonSchedule.Parse("Nightly", "0 30 1 * * *");

    [Fact]
    public void A_daily_0130_run_across_the_clocks_going_forward_keeps_to_the_london_wall_clock()
    {
        // 30 March 2025: 01:00 GMT jumps to 02:00 BST, so 01:30 does not exist that night.
        Assert.Equal(
            [Utc(2025, 3, 29, 1, 30), Utc(2025, 3, 30, 1, 30), Utc(2025, 3, 31, 0, 30), Utc(2025, 4, 1, 0, 30)],
            Occurrences(DailyAt0130, Utc(2025, 3, 28, 12, 0), 4));
    }

    [Fact]
    public void A_daily_0130_run_across_the_clocks_going_back_runs_once_on_the_long_night()
    {
        // 26 October 2025: 02:00 BST falls back to 01:00 GMT, so 01:30 happens twice that night.
        Assert.Equal(
            [Utc(2025, 10, 25, 0, 30), Utc(2025, 10, 26, 0, 30), Utc(2025, 10, 27, 1, 30), Utc(2025, 10, 28, 1, 30)],
            Occurrences(DailyAt0130, Utc(2025, 10, 24, 12, 0), 4));
    }

    [Fact]
    public void A_run_asked_for_during_the_repeated_hour_is_not_repeated()
    {
        // 01:10 GMT on the long night is the second 01:10; that night's 01:30 already ran at 00:30 UTC.
        Assert.Equal(Utc(2025, 10, 27, 1, 30), DailyAt0130.NextAfter(Utc(2025, 10, 26, 1, 10)));
    }

    [Fact]
    public void An_hourly_schedule_stays_on_the_hour_in_summer_time()
    {
        var hourly = LondonSchedule.Parse("Hourly", "0 0 * * * *");

        Assert.Equal(Utc(2025, 6, 2, 9, 0), hourly.NextAfter(Utc(2025, 6, 2, 8, 59)));
    }

    [Fact]
    public void A_weekly_monday_0700_schedule_is_read_in_london_time()
    {
        var weekly = LondonSchedule.Parse("SendWeeklyDigest", "0 0 7 * * 1");

        // Monday 3 November 2025 is in GMT, Monday 9 June 2025 in BST.
        Assert.Equal(Utc(2025, 11, 3, 7, 0), weekly.NextAfter(Utc(2025, 10, 31, 0, 0)));
        Assert.Equal(Utc(2025, 6, 9, 6, 0), weekly.NextAfter(Utc(2025, 6, 4, 0, 0)));
    }

    [Fact]
    public void A_schedule_that_never_occurs_has_no_next_occurrence()
    {
        Assert.Null(LondonSchedule.Parse("Never", "0 0 0 30 2 *").NextAfter(Utc(2025, 1, 1, 0, 0)));
    }

    [Theory]
    [InlineData("0 30 1 * *")]
    [InlineData("every night")]
    [InlineData("0 61 1 * * *")]
    public void An_invalid_schedule_is_refused_naming_the_function_and_the_schedule(string schedule)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LondonSchedule.Parse("Nightly", schedule));

        Assert.Contains("'Nightly'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{schedule}'", error.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset[] Occurrences(LondonSchedule schedule, DateTimeOffset after, int count)
    {
        var occurrences = new List<DateTimeOffset>();
        for (var instant = after; occurrences.Count < count;)
        {
            instant = schedule.NextAfter(instant) ?? throw new InvalidOperationException("The schedule ended.");
            occurrences.Add(instant);
        }

        return [.. occurrences];
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
