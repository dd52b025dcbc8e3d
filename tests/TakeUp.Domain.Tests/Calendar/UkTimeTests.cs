using TakeUp.Domain.Calendar;

namespace TakeUp.Domain.Tests.Calendar;

public class UkTimeTests
{
    [Fact]
    public void Late_evening_UTC_in_summer_is_already_the_next_day_in_London()
    {
        Assert.Equal(new DateOnly(2026, 7, 2), UkTime.DateOf(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void In_winter_London_and_UTC_agree_on_the_date()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), UkTime.DateOf(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_summer_day_starts_at_23_00_UTC_the_evening_before()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), UkTime.StartOf(new DateOnly(2026, 7, 1)).ToUniversalTime());
    }

    [Fact]
    public void A_range_counts_both_ends_and_refuses_to_run_backwards()
    {
        var range = new DateRange(new DateOnly(2026, 2, 27), new DateOnly(2026, 3, 2));

        Assert.Equal(4, range.Days);
        Assert.Equal(4, range.EachDay().Count());
        Assert.Throws<ArgumentException>(() => new DateRange(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1)));
    }
}
