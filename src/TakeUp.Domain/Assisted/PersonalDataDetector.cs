using System.Text;
using System.Text.RegularExpressions;

namespace TakeUp.Domain.Assisted;

/// <summary>
/// Finds what looks like personal data about the person helped in free text (design invariant 4):
/// e-mail addresses, UK phone numbers, National Insurance numbers, full postcodes, dates of birth,
/// street addresses and titled names.
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
/// <para>Disguises are undone before matching: the text is compared in Unicode compatibility form
/// (NFKC: full-width "０７７００" is 07700), with format characters (zero-width spaces, soft hyphens,
/// joiners) removed, every kind of space read as a space and every kind of dash as "-", and the
/// Cyrillic and Greek letters that look like Latin ones read as those. Findings still point into the
/// text as written. Phone numbers may be grouped with spaces, dashes, dots or slashes.</para>
/// <para>Dates of birth only where the text says so ("born 3/4/1961", "DOB: 03.04.61", "date of birth
/// 3 April 1961"): session notes are full of other dates. Street addresses are a house number and a
/// capitalised street name ending in a street word ("12 Acacia Avenue", "4a High St"). Titled names are
/// a title and a capitalised name ("Mrs Patel", "Mr J Smith", "Dr. Okafor").</para>
/// <para>Nothing here echoes a found value whole: messages are written to logs and problem responses.</para>
/// </remarks>
public static partial class PersonalDataDetector
{
    private const string Advice = "Do not record details that could identify the person helped";

    /// <summary>Every finding in the text, in the order they appear; overlapping matches are reported once.</summary>
    /// <param name="where">Names the field in the message, e.g. "the notes".</param>
    public static IReadOnlyList<PersonalDataFinding> Find(string original, string where = "the text")
    {
        ArgumentNullException.ThrowIfNull(original);
        var (text, map) = Normalise(original);
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

        foreach (Match match in DateOfBirthPattern().Matches(text))
        {
            var date = match.Groups["date"];
            Add(found, covered, PersonalDataKind.DateOfBirth, match, string.Concat(text.AsSpan(match.Index, date.Index - match.Index), MaskAfter(date.Value, keep: 0)), where);
        }

        foreach (Match match in StreetAddressPattern().Matches(text))
        {
            Add(found, covered, PersonalDataKind.StreetAddress, match, MaskAfter(match.Value, keep: 2), where);
        }

        foreach (Match match in TitledNamePattern().Matches(text))
        {
            var name = match.Groups["name"];
            Add(found, covered, PersonalDataKind.TitledName, match, string.Concat(text.AsSpan(match.Index, name.Index - match.Index), MaskAfter(name.Value, keep: 1)), where);
        }

        // Back to where each finding is in the text as written.
        var findings = found
            .Select(f => f with { Index = map[f.Index], Length = map[f.Index + f.Length] - map[f.Index] })
            .OrderBy(f => f.Index)
            .ToList();
        return findings;
    }

    /// <summary>
    /// The text with disguises undone, and for each of its characters (and one past the end) the
    /// index in the original it came from.
    /// </summary>
    private static (string Text, int[] Map) Normalise(string original)
    {
        var text = new StringBuilder(original.Length);
        var map = new List<int>(original.Length + 1);
        var at = 0;
        foreach (var rune in original.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            string replacement = category switch
            {
                System.Globalization.UnicodeCategory.Format => "",
                System.Globalization.UnicodeCategory.SpaceSeparator => " ",
                System.Globalization.UnicodeCategory.DashPunctuation => "-",
                _ when rune.Value == 0x2212 => "-", // minus sign
                _ when LookAlikes.TryGetValue(rune.Value, out var latin) => latin.ToString(),
                _ => rune.ToString().Normalize(NormalizationForm.FormKC),
            };
            foreach (var c in replacement)
            {
                text.Append(c);
                map.Add(at);
            }

            at += rune.Utf16SequenceLength;
        }

        map.Add(original.Length);
        return (text.ToString(), map.ToArray());
    }

    /// <summary>Cyrillic and Greek capitals and small letters that are drawn like Latin ones.</summary>
    private static readonly Dictionary<int, char> LookAlikes = new()
    {
        [0x0430] = 'a', [0x0435] = 'e', [0x043E] = 'o', [0x0440] = 'p', [0x0441] = 'c', [0x0445] = 'x', [0x0443] = 'y', [0x0456] = 'i', [0x0458] = 'j', [0x0455] = 's',
        [0x0410] = 'A', [0x0412] = 'B', [0x0415] = 'E', [0x041A] = 'K', [0x041C] = 'M', [0x041D] = 'H', [0x041E] = 'O', [0x0420] = 'P', [0x0421] = 'C', [0x0422] = 'T', [0x0425] = 'X', [0x0406] = 'I', [0x0408] = 'J', [0x0405] = 'S',
        [0x0391] = 'A', [0x0392] = 'B', [0x0395] = 'E', [0x0396] = 'Z', [0x0397] = 'H', [0x0399] = 'I', [0x039A] = 'K', [0x039C] = 'M', [0x039D] = 'N', [0x039F] = 'O', [0x03A1] = 'P', [0x03A4] = 'T', [0x03A5] = 'Y', [0x03A7] = 'X', [0x03BF] = 'o',
    };

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
        PersonalDataKind.DateOfBirth => "a date of birth",
        PersonalDataKind.StreetAddress => "a street address",
        PersonalDataKind.TitledName => "a person's name",
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
            PersonalDataKind.DateOfBirth => "remove it; if age matters, say \"over 65\" or \"under 25\"",
            PersonalDataKind.StreetAddress => "remove it and name the town or the place instead (e.g. \"Leeds Central Library\"), not an address",
            PersonalDataKind.TitledName => "remove it: say \"the customer\" or \"their daughter\" instead",
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
        @"(?<![\d+])(?:(?<international>(?:\+|00)[ ]?44[ ]?(?:\(0\)[ ]?)?)|\(?0)(?<national>[127](?:[ ./-]{0,2}\)?[ ./-]{0,2}\d){8,9})(?!\d)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ .-]{0,2}\d{2}[ .-]{0,2}\d{2}[ .-]{0,2}\d{2}[ .-]{0,2}[A-D](?![A-Za-z0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex NationalInsurancePattern();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)[ -]{0,2}(?<inward>[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PostcodePattern();

    // Only where the text says it is a birth date; the date as digits (3/4/1961, 03.04.61) or words (3 April 1961, 3rd Apr 61).
    [GeneratedRegex(
        @"\b(?:born\b|d\.?o\.?b\b\.?|date\s+of\s+birth\b|birth\s*date\b|birthday\b)[\s:,-]*(?:(?:is|was|on)\s+)?(?<date>\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:\d{4}|'?\d{2}))\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DateOfBirthPattern();

    // A house number, one to three capitalised words, and a street word.
    [GeneratedRegex(
        @"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'-]*\s+){1,3}(?i:road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|cres|place|court|ct|gardens|gdns|terrace|grove|walk|row|square|sq|mews|hill|rise|view|parade)\b\.?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetAddressPattern();

    // A title, then an initial or a capitalised name, and perhaps a second.
    [GeneratedRegex(
        @"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord)\.?\s+(?<name>[A-Z](?:[a-z'-]+|\.)?(?:\s+[A-Z][a-z'-]+)?)\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TitledNamePattern();
}
