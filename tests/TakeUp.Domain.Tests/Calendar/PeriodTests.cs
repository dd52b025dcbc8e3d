using TakeUp.Domain.Calendar;

namespace TakeUp.Domain.Tests.Calendar;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-11-21", "2026-11-16", "2026-11-22", "2026-W47")] // a Saturday
    [InlineData("2026-11-16", "2026-11-16", "2026-11-22", "2026-W47")] // a Monday
    [InlineData("2027-01-01", "2026-12-28", "2027-01-03", "2026-W53")] // ISO week-year differs from the calendar year
    [InlineData("2025-12-29", "2025-12-29", "2026-01-04", "2026-W01")]
    public void Weeks_start_on_Monday_and_carry_ISO_numbers(string date, string start, string end, string label)
    {
        var week = Period.Containing(PeriodKind.Week, DateOnly.Parse(date));

        Assert.Equal(DateOnly.Parse(start), week.Start);
        Assert.Equal(DateOnly.Parse(end), week.End);
        Assert.Equal(label, week.Label);
    }

    [Theory]
    [InlineData("2026-02-14", PeriodKind.Month, "2026-02-01", "2026-02-28", "2026-02")]
    [InlineData("2024-02-14", PeriodKind.Month, "2024-02-01", "2024-02-29", "2024-02")]
    [InlineData("2026-11-21", PeriodKind.Quarter, "2026-10-01", "2026-12-31", "2026-Q4")]
    [InlineData("2026-03-31", PeriodKind.Quarter, "2026-01-01", "2026-03-31", "2026-Q1")]
    [InlineData("2026-11-21", PeriodKind.Day, "2026-11-21", "2026-11-21", "2026-11-21")]
    public void Months_and_quarters_follow_the_calendar(string date, PeriodKind kind, string start, string end, string label)
    {
        var period = Period.Containing(kind, DateOnly.Parse(date));

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), label), (period.Start, period.End, period.Label));
    }

    [Fact]
    public void Covering_gives_every_overlapping_period_whole_and_in_order()
    {
        var weeks = Period.Covering(PeriodKind.Week, new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 17))).ToList();

        Assert.Equal(["2026-W44", "2026-W45", "2026-W46", "2026-W47"], weeks.Select(w => w.Label));
        Assert.Equal(new DateOnly(2026, 10, 26), weeks[0].Start);
    }
}
