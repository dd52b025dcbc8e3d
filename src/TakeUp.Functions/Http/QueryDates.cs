using System.Globalization;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Http;

/// <summary>The <c>from</c>/<c>to</c> query parameters every range query takes.</summary>
public static class QueryDates
{
    /// <summary>Ten years of days: enough for any trend, small enough to read in one request.</summary>
    public const int MaxRangeDays = 3660;

    public static DateOnly? Parse(string? text, string field, List<InputError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (SupportedDates.Contains(date))
            {
                return date;
            }

            errors.Add(new InputError(0, field, SupportedDates.Rule(text)));
            return null;
        }

        errors.Add(new InputError(0, field, $"'{text}' is not a date in the form yyyy-MM-dd."));
        return null;
    }

    public static void CheckRange(DateOnly from, DateOnly to, List<InputError> errors)
    {
        if (errors.Count > 0)
        {
            return;
        }

        if (from > to)
        {
            errors.Add(new InputError(0, "from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd})."));
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays)
        {
            errors.Add(new InputError(0, "from", $"The range is longer than {MaxRangeDays} days; ask for less at a time."));
        }
    }
}
