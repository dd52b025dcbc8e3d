using System.Globalization;
using TakeUp.Domain.Calendar;

namespace TakeUp.Functions.Pages.Rendering;

/// <summary>Dates, times and shares written the GOV.UK way, in London time.</summary>
public static class PageFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>For example "20 November 2026, 14:30".</summary>
    public static string When(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkTime.Zone).ToString("d MMMM yyyy, HH:mm", English);

    /// <summary>For example "20 November 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", English);

    /// <summary>A share as a percentage with one decimal, or a dash when there is none.</summary>
    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", English) + "%" : "–";

    public static string Count(long count) => count.ToString("N0", English);
}
