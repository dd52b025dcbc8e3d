using TakeUp.Domain.Assisted;
using Xunit.Abstractions;

namespace TakeUp.Domain.Tests.Assisted;

/// <summary>
/// A labelled corpus: personal data in disguises staff (or a careless paste) might produce, and
/// ordinary notes front-line staff really write. Every disguise must be caught and every ordinary
/// note let through; the rates are printed for the record.
/// </summary>
public class PersonalDataCorpusTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string, PersonalDataKind> Disguised = new()
    {
        // Full-width, look-alike and invisible characters.
        { "call back on ０７７００ ９００１２３", PersonalDataKind.PhoneNumber },
        { "mobile 07700\u200B900\u200B123", PersonalDataKind.PhoneNumber },
        { "mob 0770\u00AD0 900123", PersonalDataKind.PhoneNumber },
        { "email jane.doe@ехаmple.com", PersonalDataKind.Email },
        { "ＪＡＮＥ＠ＥＸＡＭＰＬＥ．ＣＯＭ", PersonalDataKind.Email },
        { "NI АВ 12 34 56 С", PersonalDataKind.NationalInsuranceNumber },
        { "nino AB\u2060123456C", PersonalDataKind.NationalInsuranceNumber },
        { "postcode ＬＳ１ ４ＡＰ", PersonalDataKind.Postcode },
        { "lives at LS1\u00A04AP", PersonalDataKind.Postcode },
        // Unusual separators.
        { "ring 07700.900.123", PersonalDataKind.PhoneNumber },
        { "ring 07700/900/123", PersonalDataKind.PhoneNumber },
        { "ring 07700 – 900 – 123", PersonalDataKind.PhoneNumber },
        { "ring 0113  496  0000", PersonalDataKind.PhoneNumber },
        { "NI AB.12.34.56.C", PersonalDataKind.NationalInsuranceNumber },
        { "near LS1-4AP", PersonalDataKind.Postcode },
        { "near SW1A  1AA", PersonalDataKind.Postcode },
        // Dates of birth.
        { "born 3/4/1961, claim started", PersonalDataKind.DateOfBirth },
        { "DOB: 03.04.61", PersonalDataKind.DateOfBirth },
        { "d.o.b. 12-11-1948", PersonalDataKind.DateOfBirth },
        { "date of birth 3 April 1961", PersonalDataKind.DateOfBirth },
        { "birthday is 21st Sept 1975", PersonalDataKind.DateOfBirth },
        // Street addresses.
        { "visited at 12 Acacia Avenue", PersonalDataKind.StreetAddress },
        { "home visit 4a High St", PersonalDataKind.StreetAddress },
        { "lives 221 Baker Street", PersonalDataKind.StreetAddress },
        { "1, Mill Lane", PersonalDataKind.StreetAddress },
        { "went to 37 Church View Road", PersonalDataKind.StreetAddress },
        // Titled names.
        { "Mrs Patel needed help with the form", PersonalDataKind.TitledName },
        { "helped Mr J Smith", PersonalDataKind.TitledName },
        { "Dr. Okafor referred her", PersonalDataKind.TitledName },
        { "Miss Evans came back", PersonalDataKind.TitledName },
        { "called Mx Taylor Green", PersonalDataKind.TitledName },
    };

    public static readonly TheoryData<string> Ordinary = new()
    {
        "helped with the online form, printed the confirmation page",
        "Customer had no email address; set one up and verified it",
        "Showed how to upload documents from a phone camera",
        "2 forms in 45 minutes, session ran over",
        "Booked follow-up for 12/12/2026 at 10:30",
        "Referred to the helpline on 0800 328 5644",
        "Used the library PC in room 3, page 4 of the claim",
        "Reference 123456789 on the letter was needed to sign in",
        "Came in on 01-11-2026, returning next week",
        "Leeds Central Library, ground floor",
        "Outward code LS1 only: city centre branch",
        "Completed the AB12 form on paper first",
        "Helped them reset their Government Gateway password",
        "Daughter will help at home from now on",
        "Explained Universal Credit journal, 3 messages replied",
        "Printed 12 pages for the appeal",
        "Met at the Jobcentre on High Street",
        "Reminder set for MS Word training",
        "Claim took 1h 20m; confidence improved",
        "Version 2.4.1 of the app would not install",
        "Rang the council on 0300 123 4567 with them",
        "Needed large print; sat by the window",
        "Translated with the language line, Polish",
        "Session on 2026-11-20, next 2026-11-27",
        "Dr appointment clashed so we finished early",
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public void Each_disguise_is_caught_as_its_kind_and_points_into_the_text_as_written(string text, PersonalDataKind kind)
    {
        var findings = PersonalDataDetector.Find(text);

        var finding = Assert.Single(findings, f => f.Kind == kind);
        Assert.InRange(finding.Index, 0, text.Length - 1);
        Assert.InRange(finding.Index + finding.Length, finding.Index + 1, text.Length);
        Assert.NotEqual(text, PersonalDataDetector.Redact(text));
    }

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void An_ordinary_note_is_let_through(string text)
    {
        Assert.Empty(PersonalDataDetector.Find(text));
    }

    [Fact]
    public void The_rates_over_the_whole_corpus()
    {
        var disguised = ((IEnumerable<object[]>)Disguised).ToList();
        var ordinary = ((IEnumerable<object[]>)Ordinary).ToList();
        var caught = disguised.Count(row => PersonalDataDetector.Find((string)row[0]).Any(f => f.Kind == (PersonalDataKind)row[1]));
        var flagged = ordinary.Count(row => PersonalDataDetector.Find((string)row[0]).Count > 0);

        output.WriteLine($"detection {caught}/{disguised.Count}, false positives {flagged}/{ordinary.Count}");
        Assert.Equal(disguised.Count, caught);
        Assert.Equal(0, flagged);
    }
}
