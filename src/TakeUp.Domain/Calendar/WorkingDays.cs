using System.Globalization;

namespace TakeUp.Domain.Calendar;

/// <summary>
/// Working days: Monday to Friday, except bank holidays, for counting service standards such as
/// "resolved within 5 working days". The caller supplies the bank holidays (the app loads
/// seeds/bank-holidays-england-and-wales.csv); nothing here reads a file or a clock.
/// </summary>
/// <remarks>
/// <para>Counting convention: <see cref="Between"/> counts the working days <em>after</em> the start
/// day, up to and <em>including</em> the end day. A request opened on a Friday and resolved the next
/// Monday took 1 working day; one resolved the day it was opened took 0, whatever day that was.</para>
/// <para>Coverage: the list given covers whole years, from the year of its first bank holiday to the
/// year of its last. Asking about a date outside those years throws rather than quietly treating it as
/// a year without bank holidays, so a list that has gone stale is noticed and updated.</para>
/// </remarks>
public sealed class WorkingDays
{
    private readonly DateOnly[] holidays; // weekday bank holidays only, sorted, distinct

    public WorkingDays(IEnumerable<DateOnly> bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        var distinct = new SortedSet<DateOnly>(bankHolidays);
        if (distinct.Count == 0)
        {
            throw new ArgumentException("No bank holidays were given, so no year is covered.", nameof(bankHolidays));
        }

        FirstYear = distinct.Min.Year;
        LastYear = distinct.Max.Year;
        var years = distinct.Select(d => d.Year).ToHashSet();
        var gaps = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Where(y => !years.Contains(y)).ToList();
        if (gaps.Count > 0)
        {
            throw new ArgumentException(
                $"No bank holidays were given for {string.Join(", ", gaps)}, between {FirstYear} and {LastYear}: every year has some, so the list is incomplete.",
                nameof(bankHolidays));
        }

        holidays = distinct.Where(IsWeekday).ToArray();
    }

    /// <summary>The first year whose bank holidays are known.</summary>
    public int FirstYear { get; }

    /// <summary>The last year whose bank holidays are known.</summary>
    public int LastYear { get; }

    /// <summary>
    /// Reads <c>date,title</c> lines (a header line first, dates as yyyy-MM-dd), as in
    /// seeds/bank-holidays-england-and-wales.csv. Blank lines are skipped.
    /// </summary>
    public static WorkingDays FromCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.ReplaceLineEndings("\n").Split('\n');
        if (lines[0].Trim() != "date,title")
        {
            throw new FormatException($"The bank holiday list must start with the header 'date,title', not '{lines[0].Trim()}'.");
        }

        var dates = new List<DateOnly>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var dateText = comma < 0 ? line : line[..comma];
            if (comma < 0 || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"Line {i + 1} of the bank holiday list is not 'yyyy-MM-dd,title': '{line}'.");
            }

            dates.Add(date);
        }

        return new WorkingDays(dates);
    }

    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date, nameof(date));
        return IsWeekday(date) && Array.BinarySearch(holidays, date) < 0;
    }

    /// <summary>Working days after <paramref name="start"/>, up to and including <paramref name="end"/>.</summary>
    public int Between(DateOnly start, DateOnly end)
    {
        EnsureCovered(start, nameof(start));
        EnsureCovered(end, nameof(end));
        if (end < start)
        {
            throw new ArgumentException($"The end ({end:yyyy-MM-dd}) is before the start ({start:yyyy-MM-dd}).", nameof(end));
        }

        return WeekdaysUpTo(end) - WeekdaysUpTo(start) - (HolidaysUpTo(end) - HolidaysUpTo(start));
    }

    /// <summary>
    /// The day <paramref name="days"/> working days after <paramref name="start"/> (before it, when
    /// negative): so <c>Between(start, AddWorkingDays(start, n)) == n</c> for n ≥ 0, and the result is
    /// a working day unless n is 0, which gives <paramref name="start"/> itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        EnsureCovered(start, nameof(start));
        var step = days < 0 ? -1 : 1;
        var day = start;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            EnsureCovered(day, nameof(days));
            if (IsWeekday(day) && Array.BinarySearch(holidays, day) < 0)
            {
                left--;
            }
        }

        return day;
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Monday to Friday days from 0001-01-01 (a Monday) up to and including the date.</summary>
    private static int WeekdaysUpTo(DateOnly date)
    {
        var days = date.DayNumber + 1;
        return days / 7 * 5 + Math.Min(days % 7, 5);
    }

    private int HolidaysUpTo(DateOnly date)
    {
        var index = Array.BinarySearch(holidays, date);
        return index >= 0 ? index + 1 : ~index;
    }

    private void EnsureCovered(DateOnly date, string paramName)
    {
        if (date.Year < FirstYear || date.Year > LastYear)
        {
            throw new ArgumentOutOfRangeException(paramName, date,
                $"Bank holidays are known only for {FirstYear} to {LastYear}, so working days cannot be counted on {date:yyyy-MM-dd}. "
                + "Add that year's bank holidays to the list (seeds/BANK-HOLIDAYS.md says how).");
        }
    }
}
