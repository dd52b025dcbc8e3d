using FsCheck;
using FsCheck.Fluent;
using TakeUp.Domain.Analysis;

namespace TakeUp.Domain.Tests.Analysis;

public class AlertDecisionTests
{
    [Theory]
    [InlineData(null, TargetStatus.OnTrack, AlertAction.None)]
    [InlineData(null, TargetStatus.NotJudged, AlertAction.None)]
    [InlineData(null, TargetStatus.AtRisk, AlertAction.Raise)]
    [InlineData(null, TargetStatus.Missed, AlertAction.Raise)]
    [InlineData(TargetStatus.OnTrack, TargetStatus.OnTrack, AlertAction.None)]
    [InlineData(TargetStatus.OnTrack, TargetStatus.NotJudged, AlertAction.None)]
    [InlineData(TargetStatus.OnTrack, TargetStatus.AtRisk, AlertAction.Raise)]
    [InlineData(TargetStatus.OnTrack, TargetStatus.Missed, AlertAction.Raise)]
    [InlineData(TargetStatus.NotJudged, TargetStatus.OnTrack, AlertAction.None)]
    [InlineData(TargetStatus.NotJudged, TargetStatus.NotJudged, AlertAction.None)]
    [InlineData(TargetStatus.NotJudged, TargetStatus.AtRisk, AlertAction.Raise)]
    [InlineData(TargetStatus.NotJudged, TargetStatus.Missed, AlertAction.Raise)]
    [InlineData(TargetStatus.AtRisk, TargetStatus.OnTrack, AlertAction.Resolve)]
    [InlineData(TargetStatus.AtRisk, TargetStatus.NotJudged, AlertAction.None)]
    [InlineData(TargetStatus.AtRisk, TargetStatus.AtRisk, AlertAction.None)]
    [InlineData(TargetStatus.AtRisk, TargetStatus.Missed, AlertAction.Raise)]
    [InlineData(TargetStatus.Missed, TargetStatus.OnTrack, AlertAction.Resolve)]
    [InlineData(TargetStatus.Missed, TargetStatus.NotJudged, AlertAction.None)]
    [InlineData(TargetStatus.Missed, TargetStatus.AtRisk, AlertAction.None)]
    [InlineData(TargetStatus.Missed, TargetStatus.Missed, AlertAction.None)]
    public void Alerts_are_raised_on_a_change_for_the_worse_and_resolved_on_recovery_to_on_track(TargetStatus? previous, TargetStatus current, AlertAction action)
    {
        Assert.Equal(action, AlertDecision.Decide(previous, current));
    }

    [Fact]
    public void Missed_then_at_risk_then_missed_again_alerts_once_because_the_open_alert_stays_at_missed()
    {
        TargetStatus? known = null;
        var actions = new List<AlertAction>();
        foreach (var status in new[] { TargetStatus.OnTrack, TargetStatus.Missed, TargetStatus.AtRisk, TargetStatus.Missed, TargetStatus.AtRisk, TargetStatus.OnTrack })
        {
            actions.Add(AlertDecision.Decide(known, status));
            known = AlertDecision.KnownAfter(known, status);
        }

        Assert.Equal([AlertAction.None, AlertAction.Raise, AlertAction.None, AlertAction.None, AlertAction.None, AlertAction.Resolve], actions);
        Assert.Equal(TargetStatus.OnTrack, known);
    }

    [Fact]
    public void Over_any_run_of_evaluations_a_state_is_never_alerted_twice_while_its_alert_is_open_and_only_open_alerts_resolve()
    {
        var statuses = Gen.ListOf(Gen.Elements(TargetStatuses.All.ToArray())).ToArbitrary();
        Prop.ForAll(statuses, run =>
        {
            TargetStatus? known = null;
            var raisedWhileOpen = new List<TargetStatus>();
            foreach (var status in run)
            {
                switch (AlertDecision.Decide(known, status))
                {
                    case AlertAction.Raise:
                        Assert.DoesNotContain(status, raisedWhileOpen);
                        Assert.True(raisedWhileOpen.Count == 0 || raisedWhileOpen[^1].Severity() < status.Severity());
                        raisedWhileOpen.Add(status);
                        break;
                    case AlertAction.Resolve:
                        Assert.NotEmpty(raisedWhileOpen);
                        Assert.Equal(TargetStatus.OnTrack, status);
                        raisedWhileOpen.Clear();
                        break;
                }

                known = AlertDecision.KnownAfter(known, status);
                Assert.Equal(raisedWhileOpen.Count > 0, known.Value.Severity() > 0);
            }
        }).QuickCheckThrowOnFailure();
    }
}
