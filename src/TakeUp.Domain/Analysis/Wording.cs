using System.Globalization;
using TakeUp.Domain.Calendar;

namespace TakeUp.Domain.Analysis;

/// <summary>How numbers and dates read in the rules' sentences: the same everywhere, whatever the machine's culture.</summary>
internal static class Wording
{
    /// <summary>0.725 → "72.5%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(double? share) => share is { } s ? Percent(s) : "unknown";

    /// <summary>1.25 → "+1.3"; −0.5 → "-0.5" (percentage points).</summary>
    public static string Points(double points) => points.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>2027-03-31 → "31 March 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The week of Monday 4 January 2027 → "the week of 4 January 2027".</summary>
    public static string WeekOf(DateOnly monday) => "the week of " + Date(monday);

    public static string Week(Period week) => week.Label;

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Plural(long count, string one, string many) => count == 1 ? $"1 {one}" : $"{Number(count)} {many}";
}
