using TakeUp.Domain.Analysis;

namespace TakeUp.Domain.Tests.Analysis;

public class TargetStatusTests
{
    [Theory]
    [InlineData(TargetStatus.OnTrack, "on-track", 0)]
    [InlineData(TargetStatus.AtRisk, "at-risk", 1)]
    [InlineData(TargetStatus.Missed, "missed", 2)]
    [InlineData(TargetStatus.NotJudged, "not-judged", 0)]
    public void Each_status_has_a_wire_name_and_a_severity_for_alerts(TargetStatus status, string name, int severity)
    {
        Assert.Equal(name, status.Name());
        Assert.Equal(name, TargetStatuses.Name(status));
        Assert.Equal(severity, status.Severity());
        Assert.True(TargetStatuses.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData("On-Track")]
    [InlineData("OnTrack")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_the_exact_wire_names_parse(string? text)
    {
        Assert.False(TargetStatuses.TryParse(text, out _));
    }

    [Fact]
    public void An_evaluation_names_its_figures_and_refuses_a_figure_it_does_not_have()
    {
        var evaluation = new TargetEvaluation("rule", TargetStatus.OnTrack, "Fine.", [KeyValuePair.Create("share", (double?)0.5)]);

        Assert.Equal(0.5, evaluation.Figure("share"));
        Assert.Throws<KeyNotFoundException>(() => evaluation.Figure("other"));
    }
}
