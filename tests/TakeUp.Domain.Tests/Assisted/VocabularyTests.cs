using TakeUp.Domain.Assisted;

namespace TakeUp.Domain.Tests.Assisted;

public class VocabularyTests
{
    [Fact]
    public void Support_routes_are_in_person_phone_webchat_and_home_visit()
    {
        Assert.Equal(["in-person", "phone", "webchat", "home-visit"], SupportRoute.All.Select(r => r.Name));
        foreach (var route in SupportRoute.All)
        {
            Assert.True(SupportRoute.TryParse(route.Name, out var parsed));
            Assert.Same(route, parsed);
        }
    }

    [Fact]
    public void Help_types_are_guided_and_on_behalf()
    {
        Assert.Equal(["guided", "on-behalf"], HelpType.All.Select(h => h.Name));
        Assert.True(HelpType.TryParse("on-behalf", out var onBehalf));
        Assert.Same(HelpType.OnBehalf, onBehalf);
        Assert.True(HelpType.TryParse("guided", out var guided));
        Assert.Same(HelpType.Guided, guided);
    }

    [Fact]
    public void Help_reasons_are_the_eight_named_ones()
    {
        Assert.Equal(
            ["no-device", "no-internet", "lacks-skills", "lacks-confidence", "accessibility-need", "language", "trust-or-security", "other"],
            HelpReason.All.Select(r => r.Name));
        foreach (var reason in HelpReason.All)
        {
            Assert.True(HelpReason.TryParse(reason.Name, out var parsed));
            Assert.Same(reason, parsed);
        }
    }

    [Fact]
    public void Session_outcomes_are_the_four_named_ones_and_only_completed_is_complete()
    {
        Assert.Equal(["completed", "partly-completed", "not-completed", "referred"], SessionOutcome.All.Select(o => o.Name));
        Assert.Equal([SessionOutcome.Completed], SessionOutcome.All.Where(o => o.IsComplete));
        foreach (var outcome in SessionOutcome.All)
        {
            Assert.True(SessionOutcome.TryParse(outcome.Name, out var parsed));
            Assert.Same(outcome, parsed);
        }
    }

    [Fact]
    public void Try_alone_next_time_is_yes_no_or_unsure()
    {
        Assert.Equal(["yes", "no", "unsure"], TryAloneNextTime.All.Select(a => a.Name));
        foreach (var answer in TryAloneNextTime.All)
        {
            Assert.True(TryAloneNextTime.TryParse(answer.Name, out var parsed));
            Assert.Same(answer, parsed);
        }
    }

    [Theory]
    [InlineData("In-Person")]
    [InlineData(" phone")]
    [InlineData("web chat")]
    [InlineData("face-to-face")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_the_exact_lower_case_route_names_are_accepted(string? text)
    {
        Assert.False(SupportRoute.TryParse(text, out _));
        Assert.Contains("in-person, phone, webchat, home-visit", SupportRoute.UnknownReason(text));
    }

    [Theory]
    [InlineData("Guided")]
    [InlineData("on behalf")]
    [InlineData("onbehalf")]
    [InlineData(null)]
    public void Unknown_help_types_are_rejected_with_both_choices_explained(string? text)
    {
        Assert.False(HelpType.TryParse(text, out _));
        var reason = HelpType.UnknownReason(text);
        Assert.Contains("guided", reason);
        Assert.Contains("on-behalf", reason);
    }

    [Theory]
    [InlineData("No-Device")]
    [InlineData("no device")]
    [InlineData("dementia")]
    [InlineData("")]
    public void Unknown_help_reasons_are_rejected_with_the_list_of_reasons(string text)
    {
        Assert.False(HelpReason.TryParse(text, out _));
        var reason = HelpReason.UnknownReason(text);
        foreach (var known in HelpReason.All)
        {
            Assert.Contains(known.Name, reason);
        }
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("done")]
    [InlineData("partly completed")]
    public void Unknown_outcomes_are_rejected_with_the_list_of_outcomes(string text)
    {
        Assert.False(SessionOutcome.TryParse(text, out _));
        Assert.Contains("completed, partly-completed, not-completed, referred", SessionOutcome.UnknownReason(text));
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("maybe")]
    [InlineData("true")]
    public void Unknown_try_alone_answers_are_rejected_with_the_three_answers(string text)
    {
        Assert.False(TryAloneNextTime.TryParse(text, out _));
        Assert.Contains("yes, no, unsure", TryAloneNextTime.UnknownReason(text));
    }
}
