using TakeUp.Domain.Assisted;

namespace TakeUp.Domain.Tests.Assisted;

public class PersonalDataDetectorTests
{
    public static TheoryData<string, PersonalDataKind, string> Positives => new()
    {
        { "Call back on jane.doe@example.com tomorrow", PersonalDataKind.Email, "jane.doe@example.com" },
        { "email: J.Smith+benefits@mail.gov.uk", PersonalDataKind.Email, "J.Smith+benefits@mail.gov.uk" },
        { "sent it to bob_99@hotmail.co.uk.", PersonalDataKind.Email, "bob_99@hotmail.co.uk" },
        { "Call back on 07700 900123", PersonalDataKind.PhoneNumber, "07700 900123" },
        { "mobile 07700900123", PersonalDataKind.PhoneNumber, "07700900123" },
        { "mob07700900123", PersonalDataKind.PhoneNumber, "07700900123" },
        { "ring 07700-900-123 after 5", PersonalDataKind.PhoneNumber, "07700-900-123" },
        { "daughter's number +44 7700 900123", PersonalDataKind.PhoneNumber, "+44 7700 900123" },
        { "landline +44 20 7946 0958", PersonalDataKind.PhoneNumber, "+44 20 7946 0958" },
        { "landline +44 (0)20 7946 0958", PersonalDataKind.PhoneNumber, "+44 (0)20 7946 0958" },
        { "abroad: 0044 113 496 0000", PersonalDataKind.PhoneNumber, "0044 113 496 0000" },
        { "home (0113) 496 0000", PersonalDataKind.PhoneNumber, "(0113) 496 0000" },
        { "home 0113 496 0000", PersonalDataKind.PhoneNumber, "0113 496 0000" },
        { "020 7946 0958 is the number", PersonalDataKind.PhoneNumber, "020 7946 0958" },
        { "tel:01632960001", PersonalDataKind.PhoneNumber, "01632960001" },
        { "ten-digit area: 016977 4123", PersonalDataKind.PhoneNumber, "016977 4123" },
        { "NI number AB 12 34 56 C", PersonalDataKind.NationalInsuranceNumber, "AB 12 34 56 C" },
        { "nino ab123456c", PersonalDataKind.NationalInsuranceNumber, "ab123456c" },
        { "JG103759A on the letter", PersonalDataKind.NationalInsuranceNumber, "JG103759A" },
        { "NINO: AB123456 D", PersonalDataKind.NationalInsuranceNumber, "AB123456 D" },
        { "Lives near SW1A 1AA", PersonalDataKind.Postcode, "SW1A 1AA" },
        { "home visit to LS1 4AP", PersonalDataKind.Postcode, "LS1 4AP" },
        { "M1 1AE", PersonalDataKind.Postcode, "M1 1AE" },
        { "EC1A 1BB.", PersonalDataKind.Postcode, "EC1A 1BB" },
        { "postcode sw1a1aa", PersonalDataKind.Postcode, "sw1a1aa" },
        { "address in B33 8TH", PersonalDataKind.Postcode, "B33 8TH" },
        { "(DN55 1PT)", PersonalDataKind.Postcode, "DN55 1PT" },
        { "W1A 0AX", PersonalDataKind.Postcode, "W1A 0AX" },
        { "cr26xh", PersonalDataKind.Postcode, "cr26xh" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Personal_data_is_found_with_its_kind_and_place(string text, PersonalDataKind kind, string value)
    {
        var finding = Assert.Single(PersonalDataDetector.Find(text));

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(value, text.Substring(finding.Index, finding.Length));
    }

    [Theory]
    [MemberData(nameof(Positives))]
    public void Messages_never_repeat_the_value_found(string text, PersonalDataKind kind, string value)
    {
        var finding = Assert.Single(PersonalDataDetector.Find(text, "the notes"));

        Assert.DoesNotContain(value, finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(value, finding.Masked, StringComparison.OrdinalIgnoreCase);
        var compact = new string(value.Where(char.IsAsciiLetterOrDigit).ToArray());
        Assert.DoesNotContain(compact, new string(finding.Message.Where(char.IsAsciiLetterOrDigit).ToArray()), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PersonalDataDetector.Describe(kind), finding.Message);
        Assert.Contains("the notes", finding.Message);
        Assert.Contains("Do not record details that could identify the person helped", finding.Message);
    }

    [Theory]
    [InlineData("Helped with 2 forms in 45 minutes")]
    [InlineData("Call back on Tuesday 14:30")]
    [InlineData("Reference 12345678")]
    [InlineData("Claim reference 1234567890 quoted")]
    [InlineData("Used the library PC, room 3B")]
    [InlineData("Guided through page 4 of 6")]
    [InlineData("Customer had an AB12 form")]
    [InlineData("Session on 2026-11-20 from 10:00 to 10:45")]
    [InlineData("Appointment 01-11-2026 10:30")]
    [InlineData("Appointment 01 11 2026 at 10")]
    [InlineData("07:30 to 08:15, then 13:00")]
    [InlineData("Referred to the Pension Service helpline on 0800 731 0469")]
    [InlineData("Gave them the 0300 123 4567 number for the council")]
    [InlineData("Ticket 0123 4567")]
    [InlineData("Works in the Leeds LS1 area")]
    [InlineData("Visited Birmingham B33 yesterday")]
    [InlineData("QQ 12 34 56 C is the example on the form")]
    [InlineData("Temporary reference TN 12 34 56 A")]
    [InlineData("GB123456A is not issued")]
    [InlineData("Uploaded P60 and P45")]
    [InlineData("Form SA100 completed")]
    [InlineData("Helped set up an email account and a password")]
    [InlineData("Tried @ the library, then at home")]
    [InlineData("Paid £12.50, 3 forms, 1h 30m")]
    [InlineData("Year 2026, week 47, 2 of 3 steps")]
    [InlineData("Scanned 3 pages at 300 dpi")]
    [InlineData("")]
    public void Ordinary_notes_are_not_flagged(string text)
    {
        Assert.Empty(PersonalDataDetector.Find(text));
    }

    [Fact]
    public void A_mobile_number_is_masked_after_its_prefix()
    {
        var finding = Assert.Single(PersonalDataDetector.Find("Call back on 07700 900123", "the notes"));

        Assert.Equal("07700 ******", finding.Masked);
        Assert.Equal(
            "Found what looks like a phone number in the notes (\"07700 ******\"). Do not record details that could identify the person helped: remove it and describe what you did instead.",
            finding.Message);
    }

    [Theory]
    [InlineData("jane.doe@example.com", "j***@***.com")]
    [InlineData("AB 12 34 56 C", "AB ** ** ** *")]
    [InlineData("LS1 4AP", "LS1 ***")]
    [InlineData("SW1A1AA", "SW1A***")]
    [InlineData("+44 20 7946 0958", "+44 20 7*** ****")]
    public void Each_kind_is_masked_so_that_it_can_be_found_but_not_read(string value, string masked)
    {
        Assert.Equal(masked, Assert.Single(PersonalDataDetector.Find(value)).Masked);
    }

    [Fact]
    public void Every_kind_in_one_text_is_found_in_order()
    {
        var findings = PersonalDataDetector.Find("Lives at LS1 4AP, NI AB123456C, on 07700 900123 or jo@example.org");

        Assert.Equal(
            [PersonalDataKind.Postcode, PersonalDataKind.NationalInsuranceNumber, PersonalDataKind.PhoneNumber, PersonalDataKind.Email],
            findings.Select(f => f.Kind));
    }

    [Fact]
    public void Digits_inside_an_email_address_are_reported_once_as_the_address()
    {
        var finding = Assert.Single(PersonalDataDetector.Find("07700900123@example.com"));

        Assert.Equal(PersonalDataKind.Email, finding.Kind);
    }

    [Fact]
    public void Redacting_keeps_the_text_and_masks_only_the_personal_data()
    {
        Assert.Equal(
            "Helped at LS1 *** for 45 minutes; call 07700 ******.",
            PersonalDataDetector.Redact("Helped at LS1 4AP for 45 minutes; call 07700 900123."));
        Assert.Equal("Nothing to hide here", PersonalDataDetector.Redact("Nothing to hide here"));
    }

    [Fact]
    public void Postcode_and_National_Insurance_advice_says_what_to_do_instead()
    {
        Assert.Contains("name the town or the place", Assert.Single(PersonalDataDetector.Find("LS1 4AP")).Message);
        Assert.Contains("the service's own records hold it", Assert.Single(PersonalDataDetector.Find("AB123456C")).Message);
    }
}
