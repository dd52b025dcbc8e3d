namespace TakeUp.Domain.Calendar;

/// <summary>
/// The dates the service works with: usage, sessions, targets and queries all fall from 2000 to
/// 2099. Digital take-up was first published for 2012; 2000 leaves room for older records. Outside
/// it, the period arithmetic (weeks, quarters, ranges) would leave DateOnly's range at year 1 or
/// 9999, so such dates are refused as input, never computed with.
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static string Rule(string text) =>
        $"{text} is outside the dates this service works with ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}).";
}
