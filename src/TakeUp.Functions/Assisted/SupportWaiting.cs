using TakeUp.Domain.Calendar;

namespace TakeUp.Functions.Assisted;

/// <summary>How long a support request waited, in working days, or why that cannot be said.</summary>
public sealed record WaitingTime(int? WorkingDays, string? Note);

/// <summary>
/// Measures how long support requests wait: working days (Monday to Friday, not bank holidays in
/// England and Wales) after the London day a request was opened, up to and including the day it
/// was closed, or today while it is open (see <see cref="WorkingDays.Between"/>). One instance,
/// holding the bank holidays read once from <c>seeds/bank-holidays-england-and-wales.csv</c>,
/// shipped beside the app.
/// </summary>
public sealed class SupportWaiting(WorkingDays workingDays)
{
    public const string BankHolidaysFile = "bank-holidays-england-and-wales.csv";

    /// <summary>Where the app ships the bank holiday list: <c>seeds/</c> beside its binaries.</summary>
    public static string BankHolidaysPath => Path.Combine(AppContext.BaseDirectory, "seeds", BankHolidaysFile);

    public static SupportWaiting Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The bank holiday list is missing from {path}. It is copied there from seeds/{BankHolidaysFile} when the app is built or published; rebuild, or restore the file.",
                path);
        }

        return new SupportWaiting(WorkingDays.FromCsv(File.ReadAllText(path)));
    }

    public WaitingTime Measure(SupportRequest request, DateTimeOffset now)
    {
        var opened = UkTime.DateOf(request.OpenedAt);
        var until = UkTime.DateOf(request.ClosedAt ?? now);
        var outside = new[] { opened, until }.FirstOrDefault(d => d.Year < workingDays.FirstYear || d.Year > workingDays.LastYear);
        if (outside != default)
        {
            return new WaitingTime(null,
                $"Bank holidays are known for {workingDays.FirstYear} to {workingDays.LastYear} only, so working days cannot be counted to or from {outside:yyyy-MM-dd}. "
                + "The app's bank holiday list needs that year added (seeds/BANK-HOLIDAYS.md says how).");
        }

        // A request opened a moment "in the future" (within the allowed clock skew) has waited no time yet.
        return new WaitingTime(until <= opened ? 0 : workingDays.Between(opened, until), null);
    }
}
