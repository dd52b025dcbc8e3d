using System.Globalization;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Assisted;

/// <summary>A validated PATCH: a status to move to (with when, and closing notes), a session to link, or both.</summary>
public sealed record SupportRequestChange(SupportRequestStatus? Status, DateTimeOffset At, Guid? SessionId, string? Notes);

/// <summary>
/// Checks support request bodies and reports every error at once, each on row 1 with its field
/// named (design invariant 5), with the same rules as sessions: vocabularies by their canonical
/// names, instants as London time or with an offset, never in the future, and free text refused
/// when it looks like personal data (invariant 4), without quoting it.
/// </summary>
public static class SupportRequestValidator
{
    public const int MaxNotesLength = AssistedSessionValidator.MaxNotesLength;

    private const int Row = 1;

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static (SupportRequest? Request, IReadOnlyList<InputError> Errors) ValidateOpen(
        OpenSupportRequestBody body, ServiceId service, DateTimeOffset now, Func<Guid> newId)
    {
        var errors = new List<InputError>();
        SupportRoute? route = null;
        if (string.IsNullOrWhiteSpace(body.Route))
        {
            errors.Add(new InputError(Row, "route", $"The support route is required; use one of: {string.Join(", ", SupportRoute.All.Select(r => r.Name))}."));
        }
        else if (!SupportRoute.TryParse(body.Route, out var parsed))
        {
            errors.Add(new InputError(Row, "route", SupportRoute.UnknownReason(SafeText.Quote(body.Route))));
        }
        else
        {
            route = parsed;
        }

        var reasons = ParseReasons(body.Reasons, errors);
        InclusionScalePoint? point = null;
        if (!string.IsNullOrWhiteSpace(body.InclusionPoint))
        {
            if (InclusionScalePoint.TryParse(body.InclusionPoint.Trim(), out var p))
            {
                point = p;
            }
            else
            {
                errors.Add(new InputError(Row, "inclusionPoint", InclusionScalePoint.UnknownReason(SafeText.Quote(body.InclusionPoint))));
            }
        }

        var notes = ParseNotes(body.Notes, "notes", errors);
        var openedAt = string.IsNullOrWhiteSpace(body.OpenedAt) ? now : ParseInstant(body.OpenedAt, "openedAt", "when the help was asked for", now, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SupportRequest(newId(), service, route!, reasons!, point, notes, openedAt!.Value, SupportRequestStatus.Open, null, null, []), errors);
    }

    public static (SupportRequestChange? Change, IReadOnlyList<InputError> Errors) ValidateUpdate(UpdateSupportRequestBody body, DateTimeOffset now)
    {
        var errors = new List<InputError>();
        SupportRequestStatus? status = null;
        if (!string.IsNullOrWhiteSpace(body.Status))
        {
            if (SupportRequestStatus.TryParse(body.Status, out var parsed) && parsed.IsClosed)
            {
                status = parsed;
            }
            else
            {
                errors.Add(new InputError(Row, "status",
                    $"'{SafeText.Quote(body.Status)}' is not a status a request can be moved to; use resolved or withdrawn (a closed request is not reopened: open a new one)."));
            }
        }

        var at = string.IsNullOrWhiteSpace(body.At) ? now : ParseInstant(body.At, "at", "when the request was resolved or withdrawn", now, errors);
        if (!string.IsNullOrWhiteSpace(body.At) && string.IsNullOrWhiteSpace(body.Status))
        {
            errors.Add(new InputError(Row, "at", "'at' says when the request was resolved or withdrawn, so give it with a status."));
        }

        Guid? sessionId = null;
        if (!string.IsNullOrWhiteSpace(body.SessionId))
        {
            if (Guid.TryParseExact(body.SessionId.Trim(), "D", out var id) && id != Guid.Empty)
            {
                sessionId = id;
            }
            else
            {
                errors.Add(new InputError(Row, "sessionId",
                    $"'{SafeText.Quote(body.SessionId)}' is not a session id; copy the id shown for the session, like 0f8fad5b-d9cb-469f-a165-70867728950e."));
            }
        }

        var notes = ParseNotes(body.Notes, "notes", errors);
        if (notes is not null && string.IsNullOrWhiteSpace(body.Status))
        {
            errors.Add(new InputError(Row, "notes", "Notes on a change are closing notes, so give them with a status (resolved or withdrawn)."));
        }

        if (string.IsNullOrWhiteSpace(body.Status) && string.IsNullOrWhiteSpace(body.SessionId) && errors.Count == 0)
        {
            errors.Add(new InputError(Row, "status", "Nothing to change: give a status (resolved or withdrawn), a sessionId to link, or both."));
        }

        return errors.Count > 0 ? (null, errors) : (new SupportRequestChange(status, at!.Value, sessionId, notes), errors);
    }

    private static List<HelpReason>? ParseReasons(IReadOnlyList<string>? texts, List<InputError> errors)
    {
        var given = texts?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList() ?? [];
        if (given.Count == 0)
        {
            errors.Add(new InputError(Row, "reasons",
                $"Give at least one reason the person needs help; use any of: {string.Join(", ", HelpReason.All.Select(r => r.Name))}."));
            return null;
        }

        var reasons = new List<HelpReason>();
        var ok = true;
        foreach (var text in given)
        {
            if (!HelpReason.TryParse(text, out var reason))
            {
                errors.Add(new InputError(Row, "reasons", HelpReason.UnknownReason(SafeText.Quote(text))));
                ok = false;
            }
            else if (reasons.Contains(reason))
            {
                errors.Add(new InputError(Row, "reasons", $"'{reason.Name}' is given more than once; give each reason once."));
                ok = false;
            }
            else
            {
                reasons.Add(reason);
            }
        }

        return ok ? reasons : null;
    }

    /// <summary>Optional free text: trimmed, blank as null, limited in length, refused when it looks like personal data.</summary>
    private static string? ParseNotes(string? text, string field, List<InputError> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var ok = true;
        if (trimmed.Length > MaxNotesLength)
        {
            errors.Add(new InputError(Row, field, $"Too long for the notes: {trimmed.Length} characters, where {MaxNotesLength} is the most allowed; shorten it."));
            ok = false;
        }

        foreach (var finding in PersonalDataDetector.Find(trimmed, "the notes").GroupBy(f => f.Kind).Select(g => g.First()))
        {
            errors.Add(new InputError(Row, field, finding.Message));
            ok = false;
        }

        return ok ? trimmed : null;
    }

    /// <summary>London local time (yyyy-MM-ddTHH:mm, seconds optional) or ISO 8601 with an offset; not in the future, not over a year ago.</summary>
    private static DateTimeOffset? ParseInstant(string text, string field, string what, DateTimeOffset now, List<InputError> errors)
    {
        const string Forms = "use yyyy-MM-ddTHH:mm in London time (e.g. 2026-11-20T14:30), or ISO 8601 with an offset (e.g. 2026-11-20T14:30:00Z)";
        text = text.Trim();
        DateTimeOffset instant;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (UkTime.Zone.IsInvalidTime(local))
            {
                errors.Add(new InputError(Row, field, $"{text} did not happen in London: the clocks went forward an hour that night. Check the time, or give it with an offset."));
                return null;
            }

            // In the hour the clocks go back, a local time happens twice: take the first (British Summer Time).
            var offset = UkTime.Zone.IsAmbiguousTime(local) ? UkTime.Zone.GetAmbiguousTimeOffsets(local).Max() : UkTime.Zone.GetUtcOffset(local);
            instant = new DateTimeOffset(local, offset);
        }
        else if (!DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
        {
            errors.Add(new InputError(Row, field, $"'{SafeText.Quote(text)}' is not a date and time for {what}: {Forms}."));
            return null;
        }

        if (instant > now + AssistedSessionValidator.ClockSkew)
        {
            errors.Add(new InputError(Row, field,
                $"{text} is in the future (it is now {TimeZoneInfo.ConvertTime(now, UkTime.Zone):yyyy-MM-dd HH:mm} in London); give {what} once it has happened."));
            return null;
        }

        if (instant < now.AddYears(-1))
        {
            errors.Add(new InputError(Row, field, $"{text} is more than a year ago; support requests can be recorded up to a year after the fact."));
            return null;
        }

        return instant;
    }
}
