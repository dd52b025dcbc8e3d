namespace TakeUp.Domain.Assisted;

/// <summary>The kinds of personal data the free-text fields of a session are checked for (design invariant 4).</summary>
public enum PersonalDataKind
{
    Email,
    PhoneNumber,
    NationalInsuranceNumber,
    Postcode,
    DateOfBirth,
    StreetAddress,
    TitledName,
}

/// <summary>
/// Something in a piece of free text that looks like personal data. It never holds the value
/// itself: <see cref="Masked"/> shows just enough to find it (e.g. "07700 ******"), and
/// <see cref="Index"/> and <see cref="Length"/> locate it in the text the caller already has.
/// </summary>
/// <param name="Message">What was found, where, and what to do instead; safe to log and to show.</param>
public sealed record PersonalDataFinding(PersonalDataKind Kind, int Index, int Length, string Masked, string Message);
