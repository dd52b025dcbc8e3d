using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Usage;

public static class CountingModes
{
    public static string NameOf(CountingMode mode) => mode switch
    {
        CountingMode.Totals => "totals",
        CountingMode.Day => "day",
        _ => "increments",
    };

    public static bool TryParse(string? text, CountingMode fallback, out CountingMode mode)
    {
        switch (text)
        {
            case null or "":
                mode = fallback;
                return true;
            case "totals":
                mode = CountingMode.Totals;
                return true;
            case "increments":
                mode = CountingMode.Increments;
                return true;
            case "day":
                mode = CountingMode.Day;
                return true;
            default:
                mode = fallback;
                return false;
        }
    }

    public static string UnknownReason(string? text) => $"'{text}' is not a mode; use totals (replace the counts given), day (replace each day given, whole) or increments (add).";
}
