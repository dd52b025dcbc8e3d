using System.Globalization;

namespace TakeUp.Domain.Calendar;

public enum PeriodKind
{
    Day,
    /// <summary>An ISO 8601 week: Monday to Sunday, numbered by ISO week-year.</summary>
    Week,
    Month,
    /// <summary>Calendar quarters starting January, April, July and October.</summary>
    Quarter,
}

/// <summary>One day, week, month or quarter of London calendar days.</summary>
public readonly record struct Period
{
    private Period(PeriodKind kind, DateOnly start)
    {
        Kind = kind;
        Start = start;
    }

    public PeriodKind Kind { get; }

    public DateOnly Start { get; }

    public DateOnly End => Next().Start.AddDays(-1);

    public DateRange Days => new(Start, End);

    /// <summary>ISO 8601 style: 2026-11-20, 2026-W47, 2026-11, 2026-Q4.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodKind.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}"),
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}"),
    };

    public static Period Containing(PeriodKind kind, DateOnly date) => kind switch
    {
        PeriodKind.Day => new Period(kind, date),
        PeriodKind.Week => new Period(kind, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))),
        PeriodKind.Month => new Period(kind, new DateOnly(date.Year, date.Month, 1)),
        PeriodKind.Quarter => new Period(kind, new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    public Period Next() => Kind switch
    {
        PeriodKind.Day => new Period(Kind, Start.AddDays(1)),
        PeriodKind.Week => new Period(Kind, Start.AddDays(7)),
        PeriodKind.Month => new Period(Kind, Start.AddMonths(1)),
        _ => new Period(Kind, Start.AddMonths(3)),
    };

    /// <summary>Every period that overlaps the range, whole, in order.</summary>
    public static IEnumerable<Period> Covering(PeriodKind kind, DateRange range)
    {
        for (var period = Containing(kind, range.From); period.Start <= range.To; period = period.Next())
        {
            yield return period;
        }
    }

    public static bool TryParseKind(string? text, out PeriodKind kind)
    {
        switch (text)
        {
            case "day": kind = PeriodKind.Day; return true;
            case "week": kind = PeriodKind.Week; return true;
            case "month": kind = PeriodKind.Month; return true;
            case "quarter": kind = PeriodKind.Quarter; return true;
            default: kind = PeriodKind.Day; return false;
        }
    }

    public static string KindName(PeriodKind kind) => kind.ToString().ToLowerInvariant();

    public override string ToString() => Label;
}
