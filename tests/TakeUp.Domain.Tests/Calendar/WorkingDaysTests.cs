using System.Globalization;
using TakeUp.Domain.Calendar;

namespace TakeUp.Domain.Tests.Calendar;

public class WorkingDaysTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Lazy<string> CsvText = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "seeds", "bank-holidays-england-and-wales.csv"));
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Serverless.sln.");
    });

    /// <summary>The seed file's rows, read independently of <see cref="WorkingDays.FromCsv"/>.</summary>
    private static List<(DateOnly Date, string Title)> SeedRows() =>
        CsvText.Value.ReplaceLineEndings("\n").Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => (D(l[..l.IndexOf(',', StringComparison.Ordinal)]), l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]))
            .ToList();

    private static readonly Lazy<WorkingDays> EnglandAndWales = new(() => WorkingDays.FromCsv(CsvText.Value));

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    private static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        return new DateOnly(year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
    }

    private static DateOnly FirstWeekdayFrom(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    // The seed file itself.

    [Fact]
    public void The_seed_file_has_a_date_and_title_header()
    {
        Assert.StartsWith("date,title\n", CsvText.Value.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_year_from_2012_to_2027_has_its_usual_number_of_bank_holidays()
    {
        var expected = Enumerable.Range(2012, 16).ToDictionary(y => y, y => y switch
        {
            2012 => 9, // Diamond Jubilee
            2022 => 10, // Platinum Jubilee and the State Funeral
            2023 => 9, // Coronation
            _ => 8, // including 2020, when VE Day replaced the early May bank holiday
        });

        Assert.Equal(expected, SeedRows().GroupBy(r => r.Date.Year).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void No_bank_holiday_falls_on_a_weekend()
    {
        Assert.DoesNotContain(SeedRows(), r => r.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void The_seed_file_is_sorted_without_duplicates()
    {
        var dates = SeedRows().Select(r => r.Date).ToList();

        Assert.Equal(dates.Order(), dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
        Assert.All(SeedRows(), r => Assert.False(string.IsNullOrWhiteSpace(r.Title)));
    }

    [Fact]
    public void Good_Friday_and_Easter_Monday_fall_either_side_of_Easter_every_year()
    {
        var rows = SeedRows();
        foreach (var year in Enumerable.Range(2012, 16))
        {
            var goodFriday = Assert.Single(rows, r => r.Date.Year == year && r.Title == "Good Friday").Date;
            var easterMonday = Assert.Single(rows, r => r.Date.Year == year && r.Title == "Easter Monday").Date;

            Assert.Equal(DayOfWeek.Friday, goodFriday.DayOfWeek);
            Assert.Equal(3, easterMonday.DayNumber - goodFriday.DayNumber);
            Assert.Equal(Easter(year).AddDays(-2), goodFriday);
            Assert.Equal(Easter(year).AddDays(1), easterMonday);
        }
    }

    [Fact]
    public void New_Year_Christmas_and_Boxing_Day_move_to_the_next_weekdays_when_they_fall_at_a_weekend()
    {
        var dates = SeedRows().Select(r => r.Date).ToHashSet();
        foreach (var year in Enumerable.Range(2012, 16))
        {
            Assert.Contains(FirstWeekdayFrom(new DateOnly(year, 1, 1)), dates);
            var christmas = FirstWeekdayFrom(new DateOnly(year, 12, 25));
            var boxingDay = FirstWeekdayFrom(christmas.AddDays(1));
            Assert.Equal([christmas, boxingDay], dates.Where(d => d.Year == year && d.Month == 12).Order());
        }

        Assert.Contains(D("2015-12-28"), dates);
        Assert.Contains(D("2020-12-28"), dates);
        Assert.Contains(D("2021-12-27"), dates);
        Assert.Contains(D("2021-12-28"), dates);
        Assert.Contains(D("2022-12-27"), dates);
        Assert.Contains(D("2027-12-28"), dates);
    }

    [Fact]
    public void The_one_off_and_moved_bank_holidays_are_there_and_the_days_they_replaced_are_not()
    {
        var dates = SeedRows().Select(r => r.Date).ToHashSet();

        Assert.Superset(
            new HashSet<DateOnly>
            {
                D("2012-06-04"), D("2012-06-05"), D("2020-05-08"), D("2022-06-02"), D("2022-06-03"), D("2022-09-19"), D("2023-05-08"),
            },
            dates);
        Assert.DoesNotContain(D("2012-05-28"), dates); // spring bank holiday moved to 4 June
        Assert.DoesNotContain(D("2020-05-04"), dates); // early May moved to VE Day
        Assert.DoesNotContain(D("2022-05-30"), dates); // spring bank holiday moved to 2 June
    }

    // Counting.

    [Fact]
    public void Opened_on_a_Friday_and_resolved_on_Monday_is_one_working_day()
    {
        Assert.Equal(1, EnglandAndWales.Value.Between(D("2026-11-20"), D("2026-11-23")));
    }

    [Theory]
    [InlineData("2026-11-18", "2026-11-18", 0)] // same day
    [InlineData("2026-11-21", "2026-11-21", 0)] // same day, a Saturday
    [InlineData("2026-11-20", "2026-11-22", 0)] // Friday to Sunday
    [InlineData("2026-11-21", "2026-11-23", 1)] // Saturday to Monday
    [InlineData("2026-11-16", "2026-11-20", 4)] // Monday to Friday
    [InlineData("2026-11-16", "2026-11-23", 5)] // Monday to Monday
    [InlineData("2026-01-01", "2026-12-31", 253)] // 260 weekdays after New Year's Day, less the other 7 bank holidays
    public void Working_days_are_counted_after_the_start_up_to_and_including_the_end(string start, string end, int expected)
    {
        Assert.Equal(expected, EnglandAndWales.Value.Between(D(start), D(end)));
    }

    [Fact]
    public void Christmas_2026_and_its_substitute_Boxing_Day_are_not_working_days()
    {
        var days = EnglandAndWales.Value;

        Assert.False(days.IsWorkingDay(D("2026-12-25")));
        Assert.False(days.IsWorkingDay(D("2026-12-28")));
        Assert.True(days.IsWorkingDay(D("2026-12-29")));
        Assert.Equal(1, days.Between(D("2026-12-24"), D("2026-12-29")));
        Assert.Equal(4, days.Between(D("2026-12-24"), D("2027-01-04")));
        Assert.Equal(D("2026-12-29"), days.AddWorkingDays(D("2026-12-24"), 1));
        Assert.Equal(D("2027-01-05"), days.AddWorkingDays(D("2026-12-24"), 5));
    }

    [Fact]
    public void Easter_2026_takes_out_Good_Friday_and_Easter_Monday()
    {
        var days = EnglandAndWales.Value;

        Assert.Equal(1, days.Between(D("2026-04-02"), D("2026-04-07")));
        Assert.Equal(D("2026-04-07"), days.AddWorkingDays(D("2026-04-02"), 1));
        Assert.Equal(D("2026-04-02"), days.AddWorkingDays(D("2026-04-07"), -1));
        Assert.Equal(D("2026-04-02"), days.AddWorkingDays(D("2026-04-02"), 0));
    }

    [Fact]
    public void Adding_working_days_and_counting_them_agree_over_every_start_day_of_a_year()
    {
        var days = EnglandAndWales.Value;
        for (var start = D("2026-01-01"); start.Year == 2026; start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 2, 5, 10, 20 })
            {
                var end = days.AddWorkingDays(start, n);
                Assert.Equal(n, days.Between(start, end));
                Assert.True(days.IsWorkingDay(end));
            }
        }
    }

    [Fact]
    public void Counting_matches_checking_each_day_across_the_whole_list()
    {
        var days = EnglandAndWales.Value;
        for (var start = D("2012-01-01"); start.Year < 2027; start = start.AddDays(37))
        {
            var end = DateOnly.FromDayNumber(Math.Min(start.DayNumber + start.DayNumber % 400, D("2027-12-31").DayNumber));
            var byDay = 0;
            for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
            {
                byDay += days.IsWorkingDay(day) ? 1 : 0;
            }

            Assert.Equal(byDay, days.Between(start, end));
        }
    }

    [Fact]
    public void Bank_holidays_given_on_weekends_change_nothing()
    {
        var plain = new WorkingDays([D("2026-12-25")]);
        var withWeekend = new WorkingDays([D("2026-12-25"), D("2026-12-26"), D("2026-12-25")]);

        Assert.Equal(plain.Between(D("2026-12-01"), D("2026-12-31")), withWeekend.Between(D("2026-12-01"), D("2026-12-31")));
    }

    // Coverage.

    [Fact]
    public void The_seed_list_covers_2012_to_2027()
    {
        Assert.Equal((2012, 2027), (EnglandAndWales.Value.FirstYear, EnglandAndWales.Value.LastYear));
    }

    [Fact]
    public void A_date_outside_the_years_covered_is_refused_so_a_stale_list_is_noticed()
    {
        var days = new WorkingDays([D("2026-04-03"), D("2026-12-25")]);

        var after = Assert.Throws<ArgumentOutOfRangeException>(() => days.IsWorkingDay(D("2027-01-04")));
        Assert.Contains("known only for 2026 to 2026", after.Message);
        Assert.Contains("2027-01-04", after.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => days.Between(D("2025-12-31"), D("2026-01-05")));
        Assert.Throws<ArgumentOutOfRangeException>(() => days.Between(D("2026-12-30"), D("2027-01-05")));
        Assert.Throws<ArgumentOutOfRangeException>(() => days.AddWorkingDays(D("2026-12-30"), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => days.AddWorkingDays(D("2026-01-02"), -2));
        Assert.Equal(D("2026-12-31"), days.AddWorkingDays(D("2026-12-30"), 1));
    }

    [Fact]
    public void A_list_with_a_missing_year_or_no_dates_is_refused()
    {
        var gap = Assert.Throws<ArgumentException>(() => new WorkingDays([D("2025-12-25"), D("2027-12-27")]));
        Assert.Contains("2026", gap.Message);
        Assert.Throws<ArgumentException>(() => new WorkingDays([]));
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EnglandAndWales.Value.Between(D("2026-11-23"), D("2026-11-20")));
    }

    [Fact]
    public void A_malformed_list_is_refused_with_the_line_at_fault()
    {
        Assert.Throws<FormatException>(() => WorkingDays.FromCsv("day,name\n2026-12-25,Christmas Day\n"));
        var bad = Assert.Throws<FormatException>(() => WorkingDays.FromCsv("date,title\n2026-12-25,Christmas Day\n25/12/2026,Christmas Day\n"));
        Assert.Contains("Line 3", bad.Message);
    }
}
