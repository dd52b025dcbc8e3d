using TakeUp.Domain.Assisted;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Tests.Assisted;

public class AssistedSessionValidatorTests
{
    // A Saturday in winter: London is on GMT, so London time and UTC agree.
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static Guid IdFor(int row) => new(row, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);

    private static AssistedSessionInput Input(int row = 1) => new()
    {
        Row = row,
        Service = "carers-allowance",
        When = "2026-11-20T14:30",
        Route = "in-person",
        HelpType = "guided",
        Provider = "dwp",
        Site = "Leeds Jobcentre",
        StaffReference = "ab1234",
        InclusionPoint = "3",
        Reasons = ["lacks-skills", "no-device"],
        DurationMinutes = "45",
        Outcome = "completed",
        ShowedHowToDoItAlone = "yes",
        WouldTryAlone = "unsure",
        Notes = "Helped with 2 forms in 45 minutes",
        SupportRequestId = "0f8fad5b-d9cb-469f-a165-70867728950e",
    };

    private static AssistedSessionInput With(string field, string? value, int row = 1) => field switch
    {
        "service" => Input(row) with { Service = value },
        "when" => Input(row) with { When = value },
        "route" => Input(row) with { Route = value },
        "helpType" => Input(row) with { HelpType = value },
        "provider" => Input(row) with { Provider = value },
        "site" => Input(row) with { Site = value },
        "staffReference" => Input(row) with { StaffReference = value },
        "inclusionPoint" => Input(row) with { InclusionPoint = value },
        "durationMinutes" => Input(row) with { DurationMinutes = value },
        "outcome" => Input(row) with { Outcome = value },
        "showedHowToDoItAlone" => Input(row) with { ShowedHowToDoItAlone = value },
        "wouldTryAlone" => Input(row) with { WouldTryAlone = value },
        "notes" => Input(row) with { Notes = value },
        "supportRequestId" => Input(row) with { SupportRequestId = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field of the input."),
    };

    private static AssistedSession ValidOne(AssistedSessionInput input)
    {
        var result = AssistedSessionValidator.Validate([input], Now, IdFor);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Sessions);
    }

    private static InputError OnlyError(AssistedSessionInput input)
    {
        var result = AssistedSessionValidator.Validate([input], Now, IdFor);
        Assert.False(result.IsValid);
        Assert.Empty(result.Sessions);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void A_valid_session_is_typed_with_the_id_the_caller_chose()
    {
        var session = ValidOne(Input(7));

        Assert.Equal(IdFor(7), session.Id);
        Assert.Equal(ServiceId.Parse("carers-allowance"), session.Service);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero), session.When);
        Assert.Same(SupportRoute.InPerson, session.Route);
        Assert.Same(HelpType.Guided, session.HelpType);
        Assert.Equal("dwp", session.Provider);
        Assert.Equal("Leeds Jobcentre", session.Site);
        Assert.Equal("ab1234", session.StaffReference);
        Assert.Equal(InclusionScalePoint.Of(3), session.InclusionPoint);
        Assert.True(session.InclusionPoint!.Value.IsOffline);
        Assert.Equal([HelpReason.LacksSkills, HelpReason.NoDevice], session.Reasons);
        Assert.Equal(45, session.DurationMinutes);
        Assert.Same(SessionOutcome.Completed, session.Outcome);
        Assert.True(session.ShowedHowToDoItAlone);
        Assert.Same(TryAloneNextTime.Unsure, session.WouldTryAlone);
        Assert.Equal("Helped with 2 forms in 45 minutes", session.Notes);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), session.SupportRequestId);
    }

    [Fact]
    public void Optional_fields_left_blank_are_recorded_as_absent()
    {
        var session = ValidOne(Input() with { Site = "  ", InclusionPoint = "", Notes = null, SupportRequestId = " " });

        Assert.Null(session.Site);
        Assert.Null(session.InclusionPoint);
        Assert.Null(session.Notes);
        Assert.Null(session.SupportRequestId);
    }

    [Theory]
    [InlineData("service", null, "required")]
    [InlineData("service", "Carers Allowance", "not a service id")]
    [InlineData("when", null, "required")]
    [InlineData("when", "20/11/2026 14:30", "not a date and time")]
    [InlineData("when", "2026-11-20", "not a date and time")]
    [InlineData("when", "2026-11-20T25:00", "not a date and time")]
    [InlineData("when", "2026-11-22T09:00", "in the future")]
    [InlineData("when", "2025-11-01T09:00", "more than a year ago")]
    [InlineData("route", null, "A support route is required; use one of: in-person, phone, webchat, home-visit.")]
    [InlineData("route", "Phone", "not a support route")]
    [InlineData("helpType", "helped", "not a kind of help")]
    [InlineData("helpType", "", "The kind of help is required; use one of: guided, on-behalf.")]
    [InlineData("provider", null, "provider is required")]
    [InlineData("provider", "DWP", "not a provider id")]
    [InlineData("provider", "citizens advice", "not a provider id")]
    [InlineData("staffReference", null, "staff reference is required")]
    [InlineData("staffReference", "jo.bloggs@dwp.gov.uk", "looks like an e-mail address")]
    [InlineData("staffReference", "Jo Bloggs", "no spaces")]
    [InlineData("staffReference", "a", "2 to 40")]
    [InlineData("staffReference", "-ab1234", "starting with a letter or digit")]
    [InlineData("staffReference", "AB123456C", "National Insurance number")]
    [InlineData("staffReference", "07700900123", "phone number")]
    [InlineData("inclusionPoint", "0", "digital inclusion scale")]
    [InlineData("inclusionPoint", "10", "digital inclusion scale")]
    [InlineData("inclusionPoint", "high", "digital inclusion scale")]
    [InlineData("durationMinutes", null, "required")]
    [InlineData("durationMinutes", "0", "at least 1 minute")]
    [InlineData("durationMinutes", "481", "more than 480")]
    [InlineData("durationMinutes", "99999999999", "more than 480")]
    [InlineData("durationMinutes", "-5", "negative")]
    [InlineData("durationMinutes", "1.5", "not a whole number")]
    [InlineData("durationMinutes", "an hour", "not a whole number")]
    [InlineData("outcome", "done", "not a session outcome")]
    [InlineData("showedHowToDoItAlone", "maybe", "not yes or no")]
    [InlineData("showedHowToDoItAlone", null, "yes or no")]
    [InlineData("wouldTryAlone", "perhaps", "would try alone")]
    [InlineData("wouldTryAlone", null, "is required; use one of: yes, no, unsure")]
    [InlineData("site", "Home visit, LS1 4AP", "postcode")]
    [InlineData("notes", "Call her back on 07700 900123", "phone number")]
    [InlineData("notes", "Set up jo@example.com for them", "e-mail address")]
    [InlineData("notes", "NI number AB 12 34 56 C checked", "National Insurance number")]
    [InlineData("supportRequestId", "123", "not a support request id")]
    [InlineData("supportRequestId", "00000000-0000-0000-0000-000000000000", "not a support request id")]
    public void Each_bad_field_is_named_with_its_row_and_reason(string field, string? value, string reason)
    {
        var error = OnlyError(With(field, value, row: 4));

        Assert.Equal(4, error.Row);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Reasons_are_required()
    {
        var missing = OnlyError(Input() with { Reasons = null });
        var empty = OnlyError(Input() with { Reasons = [] });
        var blank = OnlyError(Input() with { Reasons = ["", "  "] });

        Assert.All([missing, empty, blank], e =>
        {
            Assert.Equal("reasons", e.Field);
            Assert.Contains("at least one reason", e.Reason);
            Assert.Contains("trust-or-security", e.Reason);
        });
    }

    [Fact]
    public void A_reason_given_twice_is_refused()
    {
        var error = OnlyError(Input() with { Reasons = ["no-device", "language", "no-device"] });

        Assert.Equal("reasons", error.Field);
        Assert.Equal("'no-device' is given more than once; give each reason once.", error.Reason);
    }

    [Fact]
    public void Each_unknown_reason_is_reported()
    {
        var result = AssistedSessionValidator.Validate([Input() with { Reasons = ["broadband", "no-device", "Language"] }], Now, IdFor);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("reasons", e.Field));
        Assert.Contains("'broadband' is not a reason for help", result.Errors[0].Reason);
        Assert.Contains("'Language' is not a reason for help", result.Errors[1].Reason);
    }

    [Fact]
    public void Blank_entries_among_the_reasons_are_ignored()
    {
        Assert.Equal([HelpReason.Language], ValidOne(Input() with { Reasons = ["language", ""] }).Reasons);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("480", 480)]
    [InlineData("060", 60)]
    [InlineData(" 45 ", 45)]
    public void Durations_from_1_to_480_minutes_are_accepted(string text, int minutes)
    {
        Assert.Equal(minutes, ValidOne(Input() with { DurationMinutes = text }).DurationMinutes);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("9")]
    public void Both_ends_of_the_inclusion_scale_are_accepted(string text)
    {
        Assert.Equal(text, ValidOne(Input() with { InclusionPoint = text }).InclusionPoint.ToString());
    }

    [Fact]
    public void Notes_of_500_characters_are_accepted_and_501_refused()
    {
        Assert.Equal(500, ValidOne(Input() with { Notes = new string('a', 500) }).Notes!.Length);

        var error = OnlyError(Input() with { Notes = new string('a', 501) });
        Assert.Equal("notes", error.Field);
        Assert.Equal("Too long for the notes: 501 characters, where 500 is the most allowed; shorten it.", error.Reason);
    }

    [Fact]
    public void A_site_of_100_characters_is_accepted_and_101_refused()
    {
        Assert.Equal(100, ValidOne(Input() with { Site = new string('s', 100) }).Site!.Length);

        var error = OnlyError(Input() with { Site = new string('s', 101) });
        Assert.Equal("site", error.Field);
        Assert.Contains("101 characters, where 100 is the most allowed", error.Reason);
    }

    [Fact]
    public void Free_text_is_trimmed()
    {
        var session = ValidOne(Input() with { Site = "  Leeds Central Library ", Notes = "\n Printed the claim \n" });

        Assert.Equal("Leeds Central Library", session.Site);
        Assert.Equal("Printed the claim", session.Notes);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData(" No ", false)]
    public void Showed_how_to_do_it_alone_accepts_yes_no_true_and_false(string text, bool showed)
    {
        Assert.Equal(showed, ValidOne(Input() with { ShowedHowToDoItAlone = text }).ShowedHowToDoItAlone);
    }

    [Fact]
    public void A_session_up_to_five_minutes_ahead_of_the_clock_is_accepted_and_later_refused()
    {
        Assert.Equal(Now.AddMinutes(5), ValidOne(Input() with { When = "2026-11-21T12:05:00Z" }).When);

        var error = OnlyError(Input() with { When = "2026-11-21T12:05:01Z" });
        Assert.Equal("when", error.Field);
        Assert.Contains("in the future (it is now 2026-11-21 12:00 in London)", error.Reason);
    }

    [Fact]
    public void A_session_exactly_a_year_ago_is_accepted_and_earlier_refused()
    {
        Assert.Equal(Now.AddYears(-1), ValidOne(Input() with { When = "2025-11-21T12:00:00+00:00" }).When);

        var error = OnlyError(Input() with { When = "2025-11-21T11:59:59+00:00" });
        Assert.Equal("when", error.Field);
        Assert.Contains("more than a year ago", error.Reason);
        Assert.Contains("2025-11-21 12:00", error.Reason);
    }

    [Theory]
    [InlineData("2026-11-20T14:30", "2026-11-20T14:30:00+00:00")] // GMT
    [InlineData("2026-07-01T14:30", "2026-07-01T13:30:00+00:00")] // BST
    [InlineData("2026-07-01T14:30:15", "2026-07-01T13:30:15+00:00")]
    [InlineData("2026-03-29T00:59", "2026-03-29T00:59:00+00:00")] // the minute before the clocks go forward
    [InlineData("2026-03-29T02:00", "2026-03-29T01:00:00+00:00")] // the first minute of BST
    [InlineData("2026-10-25T01:30", "2026-10-25T00:30:00+00:00")] // happens twice: the first, in BST, is taken
    [InlineData("2026-10-25T02:00", "2026-10-25T02:00:00+00:00")] // GMT again
    [InlineData("2026-07-01T14:30:00+01:00", "2026-07-01T13:30:00+00:00")]
    [InlineData("2026-07-01T13:30Z", "2026-07-01T13:30:00+00:00")]
    [InlineData("2026-07-01T09:30:00.250-04:00", "2026-07-01T13:30:00.250+00:00")]
    public void Times_without_an_offset_are_London_time_across_summer_time(string text, string utc)
    {
        var when = ValidOne(Input() with { When = text }).When;

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), when);
    }

    [Fact]
    public void A_London_time_the_clocks_skip_is_refused()
    {
        var error = OnlyError(Input() with { When = "2026-03-29T01:30" });

        Assert.Equal("when", error.Field);
        Assert.Contains("did not happen in London", error.Reason);
    }

    [Fact]
    public void A_London_time_keeps_the_offset_London_had_then()
    {
        Assert.Equal(TimeSpan.FromHours(1), ValidOne(Input() with { When = "2026-07-01T14:30" }).When.Offset);
        Assert.Equal(TimeSpan.Zero, ValidOne(Input() with { When = "2026-11-20T14:30" }).When.Offset);
    }

    [Fact]
    public void Several_bad_rows_refuse_the_whole_submission_and_every_error_is_listed()
    {
        var result = AssistedSessionValidator.Validate(
        [
            Input(1),
            Input(2) with { Route = "carrier-pigeon", DurationMinutes = "0" },
            Input(3),
            Input(4) with { Notes = "Mob 07700 900123, lives at LS1 4AP", Reasons = ["other", "other"] },
        ], Now, IdFor);

        Assert.False(result.IsValid);
        Assert.Empty(result.Sessions);
        Assert.Equal(
            [(2, "route"), (2, "durationMinutes"), (4, "reasons"), (4, "notes"), (4, "notes")],
            result.Errors.Select(e => (e.Row, e.Field)).ToArray());
    }

    [Fact]
    public void Notes_get_one_error_per_kind_of_personal_data()
    {
        var result = AssistedSessionValidator.Validate(
            [Input() with { Notes = "Try 07700 900123 or 0113 496 0000, or email a@b.com, b@c.org" }], Now, IdFor);

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("a phone number in the notes", result.Errors[0].Reason);
        Assert.Contains("an e-mail address in the notes", result.Errors[1].Reason);
    }

    [Fact]
    public void No_error_message_repeats_personal_data_that_was_sent()
    {
        var result = AssistedSessionValidator.Validate(
        [
            Input(1) with { Notes = "Call 07700 900123" },
            Input(2) with { Site = "12 High St, LS1 4AP" },
            Input(3) with { StaffReference = "jo.bloggs@dwp.gov.uk" },
            Input(4) with { StaffReference = "Jo Bloggs" },
            Input(5) with { DurationMinutes = "07700 900123" },
            Input(6) with { Provider = "jo@example.com" },
        ], Now, IdFor);

        Assert.Equal(7, result.Errors.Count); // the site has a street address and a postcode
        foreach (var secret in new[] { "900123", "4AP", "High St", "jo.bloggs", "Jo Bloggs", "jo@example.com" })
        {
            Assert.All(result.Errors, e => Assert.DoesNotContain(secret, e.Reason, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void A_service_outside_the_callers_scope_is_refused_with_the_callers_reason()
    {
        var result = AssistedSessionValidator.Validate([Input()], Now, IdFor,
            service => service.Value == "carers-allowance" ? "You log sessions for DVLA services only." : null);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("service", "You log sessions for DVLA services only."), (error.Field, error.Reason));
    }

    [Fact]
    public void An_empty_submission_is_refused()
    {
        var error = Assert.Single(AssistedSessionValidator.Validate([], Now, IdFor).Errors);

        Assert.Equal((0, "sessions"), (error.Row, error.Field));
    }

    [Fact]
    public void Ids_are_asked_for_only_when_every_row_is_valid()
    {
        var asked = new List<int>();
        Guid Record(int row)
        {
            asked.Add(row);
            return IdFor(row);
        }

        AssistedSessionValidator.Validate([Input(1), Input(2) with { Outcome = "?" }], Now, Record);
        Assert.Empty(asked);

        var result = AssistedSessionValidator.Validate([Input(1), Input(2)], Now, Record);
        Assert.Equal([1, 2], asked);
        Assert.Equal([IdFor(1), IdFor(2)], result.Sessions.Select(s => s.Id));
    }

    [Fact]
    public void An_id_source_that_repeats_itself_or_gives_the_empty_id_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() =>
            AssistedSessionValidator.Validate([Input(1), Input(2)], Now, _ => IdFor(9)));
        Assert.Throws<InvalidOperationException>(() =>
            AssistedSessionValidator.Validate([Input(1)], Now, _ => Guid.Empty));
    }
}
