using System.Globalization;

namespace TakeUp.Domain.Demo;

/// <summary>Reads the text fields of the demo's seed rows; a blank field is null, a bad one an error.</summary>
internal static class DemoFields
{
    public static DateOnly? Date(string? text, string field, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(field, $"'{text}' is not a date in the form yyyy-MM-dd.");
        return null;
    }

    public static double? Number(string? text, string field, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        error(field, $"'{text}' is not a number (use a dot for decimals, e.g. 0.45).");
        return null;
    }

    public static double? Share(string? text, string field, Action<string, string> error)
    {
        var value = Number(text, field, error);
        if (value is < 0 or > 1)
        {
            error(field, $"A share is from 0 to 1 (45% is 0.45), not {text}.");
            return null;
        }

        return value;
    }

    public static int? Whole(string? text, string field, int min, int max, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        error(field, $"'{text}' is not a whole number from {min} to {max}.");
        return null;
    }
}
