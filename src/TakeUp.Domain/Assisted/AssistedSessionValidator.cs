using System.Globalization;
using System.Text.RegularExpressions;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using F = TakeUp.Domain.Assisted.AssistedSessionInput.Fields;

namespace TakeUp.Domain.Assisted;

/// <summary>
/// Checks one or more assisted sessions and reports every error at once (design invariant 5): a
/// submission with one bad row is refused whole, each error naming its row and field with a reason a
/// front-line worker can act on. Free text is refused when it looks like personal data (invariant 4).
/// </summary>
/// <remarks>
/// Error messages quote what was sent only after masking anything that looks like personal data, and
/// never quote the notes, the site or the staff reference, because messages are logged.
/// </remarks>
public static partial class AssistedSessionValidator
{
    public const int MinDurationMinutes = 1;
    public const int MaxDurationMinutes = 480;
    public const int MaxSiteLength = 100;
    public const int MaxNotesLength = 500;

    /// <summary>How far ahead of <c>now</c> a session may be, for a device whose clock runs fast.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int MaxQuotedLength = 40;

    /// <param name="now">The current instant (design invariant 6): later sessions are refused, and so are those over a year earlier.</param>
    /// <param name="idFor">
    /// The id for the session on a given row. The domain never invents ids (nothing random or
    /// clock-based happens here): the caller decides, e.g. <c>_ => Guid.CreateVersion7(time.GetUtcNow())</c>
    /// in the app, or a fixed id per row in tests. It is called once per row, in order, and only when
    /// the whole submission is valid; the ids it gives must be distinct and not empty.
    /// </param>
    /// <param name="checkService">Says why a service may not be logged against by this caller, or null when it may.</param>
    public static AssistedSessionValidation Validate(
        IReadOnlyList<AssistedSessionInput> inputs,
        DateTimeOffset now,
        Func<int, Guid> idFor,
        Func<ServiceId, string?>? checkService = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(idFor);

        var errors = new List<InputError>();
        var valid = new List<(int Row, AssistedSession Session)>(inputs.Count);

        if (inputs.Count == 0)
        {
            errors.Add(new InputError(0, F.Sessions, "The submission has no sessions."));
        }

        foreach (var input in inputs)
        {
            var row = new RowErrors(input.Row, errors);
            var before = errors.Count;

            var service = ParseService(input.Service, checkService, row);
            var when = ParseWhen(input.When, now, row);
            var route = ParseChoice<SupportRoute>(input.Route, F.Route, "A support route", SupportRoute.All.Select(x => x.Name), SupportRoute.TryParse, SupportRoute.UnknownReason, row);
            var helpType = ParseChoice<HelpType>(input.HelpType, F.HelpType, "The kind of help", HelpType.All.Select(x => x.Name), HelpType.TryParse, HelpType.UnknownReason, row);
            var provider = ParseProvider(input.Provider, row);
            var site = ParseFreeText(input.Site, F.Site, "the site", MaxSiteLength, row);
            var staff = ParseStaffReference(input.StaffReference, row);
            var point = ParseInclusionPoint(input.InclusionPoint, row);
            var reasons = ParseReasons(input.Reasons, row);
            var duration = ParseDuration(input.DurationMinutes, row);
            var outcome = ParseChoice<SessionOutcome>(input.Outcome, F.Outcome, "The outcome", SessionOutcome.All.Select(x => x.Name), SessionOutcome.TryParse, SessionOutcome.UnknownReason, row);
            var showed = ParseYesNo(input.ShowedHowToDoItAlone, row);
            var tryAlone = ParseChoice<TryAloneNextTime>(input.WouldTryAlone, F.WouldTryAlone,
                "Whether they would try on their own next time", TryAloneNextTime.All.Select(x => x.Name), TryAloneNextTime.TryParse, TryAloneNextTime.UnknownReason, row);
            var notes = ParseFreeText(input.Notes, F.Notes, "the notes", MaxNotesLength, row);
            var request = ParseSupportRequestId(input.SupportRequestId, row);

            if (errors.Count == before)
            {
                valid.Add((input.Row, new AssistedSession(
                    Guid.Empty, service!.Value, when!.Value, route!, helpType!, provider!, site, staff!, point, reasons!,
                    duration!.Value, outcome!, showed!.Value, tryAlone!, notes, request)));
            }
        }

        return errors.Count == 0
            ? AssistedSessionValidation.Valid(AssignIds(valid, idFor))
            : AssistedSessionValidation.Invalid(errors);
    }

    private static List<AssistedSession> AssignIds(List<(int Row, AssistedSession Session)> valid, Func<int, Guid> idFor)
    {
        var given = new Dictionary<Guid, int>();
        var sessions = new List<AssistedSession>(valid.Count);
        foreach (var (row, session) in valid)
        {
            var id = idFor(row);
            if (id == Guid.Empty)
            {
                throw new InvalidOperationException($"idFor gave the empty id for row {row}; give each session a real id.");
            }

            if (!given.TryAdd(id, row))
            {
                throw new InvalidOperationException($"idFor gave the same id for rows {given[id]} and {row}; each session needs its own.");
            }

            sessions.Add(session with { Id = id });
        }

        return sessions;
    }

    private static ServiceId? ParseService(string? text, Func<ServiceId, string?>? checkService, RowErrors row)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            row.Add(F.Service, "The service is required, as its id (e.g. carers-allowance).");
            return null;
        }

        if (!ServiceId.TryParse(text, out var service))
        {
            row.Add(F.Service, ServiceId.Rule(Quote(text)));
            return null;
        }

        if (checkService?.Invoke(service) is { } reason)
        {
            row.Add(F.Service, reason);
            return null;
        }

        return service;
    }

    private static DateTimeOffset? ParseWhen(string? text, DateTimeOffset now, RowErrors row)
    {
        const string Forms = "use yyyy-MM-ddTHH:mm in London time (e.g. 2026-11-20T14:30), or ISO 8601 with an offset (e.g. 2026-11-20T14:30:00Z)";
        if (string.IsNullOrWhiteSpace(text))
        {
            row.Add(F.When, $"When the session happened is required: {Forms}.");
            return null;
        }

        text = text.Trim();
        DateTimeOffset when;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (UkTime.Zone.IsInvalidTime(local))
            {
                row.Add(F.When,
                    $"{text} did not happen in London: the clocks went forward an hour that night. Check the time, or give it with an offset.");
                return null;
            }

            // In the hour the clocks go back, a local time happens twice: take the first (British Summer Time).
            var offset = UkTime.Zone.IsAmbiguousTime(local)
                ? UkTime.Zone.GetAmbiguousTimeOffsets(local).Max()
                : UkTime.Zone.GetUtcOffset(local);
            when = new DateTimeOffset(local, offset);
        }
        else if (!DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
        {
            row.Add(F.When, $"'{Quote(text)}' is not a date and time: {Forms}.");
            return null;
        }

        var londonNow = TimeZoneInfo.ConvertTime(now, UkTime.Zone);
        if (when > now + ClockSkew)
        {
            row.Add(F.When,
                $"{text} is in the future (it is now {londonNow:yyyy-MM-dd HH:mm} in London); log a session once it has happened.");
            return null;
        }

        var earliest = now.AddYears(-1);
        if (when < earliest)
        {
            var londonEarliest = TimeZoneInfo.ConvertTime(earliest, UkTime.Zone);
            row.Add(F.When,
                $"{text} is more than a year ago; sessions can be logged up to a year after they happen (the earliest accepted now is {londonEarliest:yyyy-MM-dd HH:mm} London time).");
            return null;
        }

        return when;
    }

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    private delegate bool TryParser<T>(string? text, out T value);

    private static T? ParseChoice<T>(
        string? text, string field, string what, IEnumerable<string> names, TryParser<T> tryParse, Func<string?, string> unknownReason, RowErrors row)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            row.Add(field, $"{what} is required; use one of: {string.Join(", ", names)}.");
            return null;
        }

        if (!tryParse(text, out var value))
        {
            row.Add(field, unknownReason(Quote(text)));
            return null;
        }

        return value;
    }

    private static string? ParseProvider(string? text, RowErrors row)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            row.Add(F.Provider,
                "The provider is required: the department or partner organisation that gave the help, as a short id such as dwp or citizens-advice.");
            return null;
        }

        if (!ProviderPattern().IsMatch(text))
        {
            row.Add(F.Provider,
                $"'{Quote(text)}' is not a provider id: use 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit, such as dwp or citizens-advice.");
            return null;
        }

        return text;
    }

    /// <summary>Optional free text: trimmed, blank as null, limited in length, and refused when it looks like personal data.</summary>
    private static string? ParseFreeText(string? text, string field, string name, int maxLength, RowErrors row)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var ok = true;
        if (trimmed.Length > maxLength)
        {
            row.Add(field, $"Too long for {name}: {trimmed.Length} characters, where {maxLength} is the most allowed; shorten it.");
            ok = false;
        }

        foreach (var finding in FirstOfEachKind(PersonalDataDetector.Find(trimmed, name)))
        {
            row.Add(field, finding.Message);
            ok = false;
        }

        return ok ? trimmed : null;
    }

    private static string? ParseStaffReference(string? text, RowErrors row)
    {
        const string Example = "the pseudonymous reference your team uses for you (e.g. ab1234)";
        if (string.IsNullOrWhiteSpace(text))
        {
            row.Add(F.StaffReference, $"Your staff reference is required: {Example}, not your name or e-mail address.");
            return null;
        }

        // Never quoted back: whatever went wrong here may be a name or an address.
        if (text.Contains('@', StringComparison.Ordinal))
        {
            row.Add(F.StaffReference, $"The staff reference looks like an e-mail address; use {Example} instead.");
            return null;
        }

        if (!StaffReferencePattern().IsMatch(text))
        {
            row.Add(F.StaffReference,
                $"The staff reference must be 2 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit, with no spaces: {Example}.");
            return null;
        }

        // A staff code may look like a postcode ("ab12cd"), so only phone and National Insurance numbers are refused here.
        var findings = PersonalDataDetector.Find(text, "the staff reference")
            .Where(f => f.Kind is PersonalDataKind.PhoneNumber or PersonalDataKind.NationalInsuranceNumber)
            .ToList();
        foreach (var finding in FirstOfEachKind(findings))
        {
            row.Add(F.StaffReference, finding.Message);
        }

        return findings.Count == 0 ? text : null;
    }

    private static InclusionScalePoint? ParseInclusionPoint(string? text, RowErrors row)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!InclusionScalePoint.TryParse(text.Trim(), out var point))
        {
            row.Add(F.InclusionPoint, InclusionScalePoint.UnknownReason(Quote(text)));
            return null;
        }

        return point;
    }

    private static List<HelpReason>? ParseReasons(IReadOnlyList<string>? texts, RowErrors row)
    {
        var given = texts?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList() ?? [];
        if (given.Count == 0)
        {
            row.Add(F.Reasons,
                $"Give at least one reason the person needed help; use any of: {string.Join(", ", HelpReason.All.Select(r => r.Name))}.");
            return null;
        }

        var reasons = new List<HelpReason>(given.Count);
        var ok = true;
        foreach (var text in given)
        {
            if (!HelpReason.TryParse(text, out var reason))
            {
                row.Add(F.Reasons, HelpReason.UnknownReason(Quote(text)));
                ok = false;
            }
            else if (reasons.Contains(reason))
            {
                row.Add(F.Reasons, $"'{reason.Name}' is given more than once; give each reason once.");
                ok = false;
            }
            else
            {
                reasons.Add(reason);
            }
        }

        return ok ? reasons : null;
    }

    private static int? ParseDuration(string? text, RowErrors row)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            row.Add(F.DurationMinutes,
                $"How long the session took is required, in whole minutes from {MinDurationMinutes} to {MaxDurationMinutes}.");
            return null;
        }

        if (trimmed.StartsWith('-') && trimmed.Length > 1 && trimmed[1..].All(char.IsAsciiDigit))
        {
            row.Add(F.DurationMinutes, $"'{Quote(trimmed)}' is negative; give how long the session took, from {MinDurationMinutes} to {MaxDurationMinutes} minutes.");
            return null;
        }

        if (!trimmed.All(char.IsAsciiDigit))
        {
            row.Add(F.DurationMinutes, $"'{Quote(trimmed)}' is not a whole number of minutes (e.g. 45 for three quarters of an hour).");
            return null;
        }

        var significant = trimmed.TrimStart('0');
        if (significant.Length == 0)
        {
            row.Add(F.DurationMinutes, $"A session lasts at least {MinDurationMinutes} minute; give how long it took.");
            return null;
        }

        var minutes = significant.Length <= 4 ? int.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture) : int.MaxValue;
        if (minutes > MaxDurationMinutes)
        {
            row.Add(F.DurationMinutes,
                $"'{Quote(trimmed)}' minutes is more than {MaxDurationMinutes} (8 hours); log help that went on longer as one session per sitting.");
            return null;
        }

        return minutes;
    }

    private static bool? ParseYesNo(string? text, RowErrors row)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "yes" or "true":
                return true;
            case "no" or "false":
                return false;
            case null or "":
                row.Add(F.ShowedHowToDoItAlone, "Say whether you showed them how to do it on their own: yes or no.");
                return null;
            default:
                row.Add(F.ShowedHowToDoItAlone,
                    $"'{Quote(text)}' is not yes or no; say whether you showed them how to do it on their own: yes or no (true or false also work).");
                return null;
        }
    }

    private static Guid? ParseSupportRequestId(string? text, RowErrors row)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Guid.TryParseExact(text.Trim(), "D", out var id) || id == Guid.Empty)
        {
            row.Add(F.SupportRequestId,
                $"'{Quote(text)}' is not a support request id; copy the id shown on the request, like 0f8fad5b-d9cb-469f-a165-70867728950e, or leave it out.");
            return null;
        }

        return id;
    }

    private static IEnumerable<PersonalDataFinding> FirstOfEachKind(IEnumerable<PersonalDataFinding> findings) =>
        findings.GroupBy(f => f.Kind).Select(g => g.First());

    /// <summary>Submitted text made safe to put in a message: personal data masked, long text cut short.</summary>
    private static string Quote(string? text)
    {
        var safe = PersonalDataDetector.Redact(text ?? string.Empty);
        return safe.Length <= MaxQuotedLength ? safe : string.Concat(safe.AsSpan(0, MaxQuotedLength), "…");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex StaffReferencePattern();

    /// <summary>Adds errors for one row.</summary>
    private sealed class RowErrors(int row, List<InputError> errors)
    {
        public void Add(string field, string reason) => errors.Add(new InputError(row, field, reason));
    }
}

/// <summary>The outcome of validating sessions: either every session, or every error.</summary>
public sealed class AssistedSessionValidation
{
    private AssistedSessionValidation(IReadOnlyList<AssistedSession> sessions, IReadOnlyList<InputError> errors)
    {
        Sessions = sessions;
        Errors = errors;
    }

    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<AssistedSession> Sessions { get; }

    public IReadOnlyList<InputError> Errors { get; }

    internal static AssistedSessionValidation Valid(IReadOnlyList<AssistedSession> sessions) => new(sessions, []);

    internal static AssistedSessionValidation Invalid(IReadOnlyList<InputError> errors) => new([], errors);
}
