using System.Text;
using System.Text.RegularExpressions;

namespace TakeUp.Domain.Assisted;

/// <summary>
/// Finds what looks like personal data about the person helped in free text (design invariant 4):
/// e-mail addresses, UK phone numbers, National Insurance numbers and full postcodes.
/// </summary>
/// <remarks>
/// <para>It leans towards what staff actually type. Ordinary numbers stay unflagged: counts and
/// durations ("2 forms in 45 minutes"), times, dates, page and room numbers, and reference numbers,
/// because a phone number needs a leading 0 (or +44 / 0044) and 10 or 11 digits in all.</para>
/// <para>Phone numbers: geographic (01, 02) and mobile (07) numbers are flagged, written with spaces,
/// dashes or brackets, nationally or with +44 / 0044 (and an optional "(0)"). Non-geographic numbers
/// (03, 08, 09) belong to organisations, so a note such as "referred to the helpline on 0800 ..." is
/// allowed. Written nationally, the first group must have at least 3 digits (as every UK area code and
/// mobile prefix does), so a date such as "01-11-2026 10:30" is not mistaken for a number.</para>
/// <para>National Insurance numbers: two prefix letters, six digits and a suffix A to D, any case,
/// spaces allowed between the pairs; prefixes that are never issued (first letter D, F, I, Q, U or V;
/// second letter D, F, I, O, Q, U or V; BG, GB, NK, KN, TN, NT, ZZ) are not flagged, so "QQ 12 34 56 C",
/// the usual example, passes.</para>
/// <para>Postcodes: only full postcodes ("LS1 4AP", "sw1a1aa"), with or without the space. A full
/// postcode covers about 15 addresses, so with a date and a service it can single a person out; an
/// outward code alone ("LS1", "Leeds LS1") covers thousands of addresses and is allowed, as is the
/// kind of form number it resembles ("an AB12 form").</para>
/// <para>Nothing here echoes a found value whole: messages are written to logs and problem responses.</para>
/// </remarks>
public static partial class PersonalDataDetector
{
    private const string Advice = "Do not record details that could identify the person helped";

    /// <summary>Every finding in the text, in the order they appear; overlapping matches are reported once.</summary>
    /// <param name="where">Names the field in the message, e.g. "the notes".</param>
    public static IReadOnlyList<PersonalDataFinding> Find(string text, string where = "the text")
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataFinding>();
        var covered = new bool[text.Length];

        foreach (Match match in EmailPattern().Matches(text))
        {
            Add(found, covered, PersonalDataKind.Email, match, MaskEmail(match.Value), where);
        }

        foreach (Match match in PhonePattern().Matches(text))
        {
            if (IsPersonalPhoneNumber(match))
            {
                Add(found, covered, PersonalDataKind.PhoneNumber, match, MaskAfter(match.Value, keep: 5), where);
            }
        }

        foreach (Match match in NationalInsurancePattern().Matches(text))
        {
            if (!NeverIssuedPrefixes.Contains(match.Groups["prefix"].Value.ToUpperInvariant()))
            {
                Add(found, covered, PersonalDataKind.NationalInsuranceNumber, match, MaskAfter(match.Value, keep: 2), where);
            }
        }

        foreach (Match match in PostcodePattern().Matches(text))
        {
            var inward = match.Groups["inward"];
            var masked = string.Concat(text.AsSpan(match.Index, inward.Index - match.Index), "***");
            Add(found, covered, PersonalDataKind.Postcode, match, masked, where);
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>The text with every finding replaced by its masked form: safe to log or echo back.</summary>
    public static string Redact(string text)
    {
        var findings = Find(text);
        if (findings.Count == 0)
        {
            return text;
        }

        var redacted = new StringBuilder(text.Length);
        var at = 0;
        foreach (var finding in findings)
        {
            redacted.Append(text, at, finding.Index - at).Append(finding.Masked);
            at = finding.Index + finding.Length;
        }

        return redacted.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>"an e-mail address", "a phone number" and so on, for messages.</summary>
    public static string Describe(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "an e-mail address",
        PersonalDataKind.PhoneNumber => "a phone number",
        PersonalDataKind.NationalInsuranceNumber => "a National Insurance number",
        PersonalDataKind.Postcode => "a postcode",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of personal data."),
    };

    private static readonly HashSet<string> NeverIssuedPrefixes = ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"];

    /// <summary>Adds a finding unless it overlaps one already found (of a kind checked earlier).</summary>
    private static void Add(List<PersonalDataFinding> found, bool[] covered, PersonalDataKind kind, Match match, string masked, string where)
    {
        // Matches of one kind never overlap each other, so each character is looked at once per kind.
        if (Array.IndexOf(covered, true, match.Index, match.Length) >= 0)
        {
            return;
        }

        Array.Fill(covered, true, match.Index, match.Length);
        found.Add(new PersonalDataFinding(kind, match.Index, match.Length, masked, Message(kind, masked, where)));
    }

    private static string Message(PersonalDataKind kind, string masked, string where)
    {
        var instead = kind switch
        {
            PersonalDataKind.Postcode => "remove it and name the town or the place instead (e.g. \"Leeds Central Library\"), not an address",
            PersonalDataKind.NationalInsuranceNumber => "remove it: the service's own records hold it, and this log must not",
            _ => "remove it and describe what you did instead",
        };
        return $"Found what looks like {Describe(kind)} in {where} (\"{masked}\"). {Advice}: {instead}.";
    }

    private static bool IsPersonalPhoneNumber(Match match)
    {
        var national = match.Groups["national"];
        var digits = new StringBuilder();
        foreach (var c in national.Value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        // digits is the national significant number: what follows the trunk 0 or the +44.
        var firstDigit = digits[0];
        var lengthOk = firstDigit switch
        {
            '1' => digits.Length is 9 or 10,
            _ => digits.Length == 10, // 02 and 07 numbers are always 11 digits with the 0
        };
        if (!lengthOk)
        {
            return false;
        }

        if (match.Groups["international"].Success)
        {
            return true;
        }

        // Written nationally, the first group (area code or mobile prefix, with its 0) has 3 or more digits.
        var firstGroup = 1; // the trunk 0
        foreach (var c in national.Value)
        {
            if (!char.IsAsciiDigit(c))
            {
                break;
            }

            firstGroup++;
        }

        return firstGroup >= 3;
    }

    private static string MaskEmail(string email)
    {
        var lastDot = email.LastIndexOf('.');
        return string.Concat(email.AsSpan(0, 1), "***@***", email.AsSpan(lastDot));
    }

    /// <summary>Keeps the first <paramref name="keep"/> letters or digits and stars the rest, keeping spaces and punctuation.</summary>
    private static string MaskAfter(string value, int keep)
    {
        var masked = new StringBuilder(value.Length);
        var seen = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                masked.Append(seen < keep ? c : '*');
                seen++;
            }
            else
            {
                masked.Append(c);
            }
        }

        return masked.ToString();
    }

    [GeneratedRegex(
        @"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // "national" captures from the first digit after the trunk 0 (or after +44 / 0044 and an optional
    // "(0)"); separators are single spaces or dashes, and a closing bracket after the area code.
    [GeneratedRegex(
        @"(?<![\d+])(?:(?<international>(?:\+|00)[ ]?44[ ]?(?:\(0\)[ ]?)?)|\(?0)(?<national>[127](?:[ -]?\)?[ -]?\d){8,9})(?!\d)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D](?![A-Za-z0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NationalInsurancePattern();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)[ ]?(?<inward>[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PostcodePattern();
}
