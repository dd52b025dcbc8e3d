using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class OfflineUsersCompletingRuleTests
{
    /// <summary>Monday: the window is the 13 weeks from 5 January to Sunday 5 April 2026.</summary>
    private static readonly DateOnly AsOf = Date("2026-04-06");

    private static IEnumerable<AssistedSession> Offline(int completed, int notCompleted, int point = 2) =>
        Enumerable.Range(0, completed).Select(_ => Session(Noon("2026-03-10"), point, SessionOutcome.Completed))
            .Concat(Enumerable.Range(0, notCompleted).Select(_ => Session(Noon("2026-03-10"), point, SessionOutcome.PartlyCompleted)));

    [Theory]
    [InlineData(16, 4, TargetStatus.OnTrack)] // 80%
    [InlineData(15, 5, TargetStatus.AtRisk)] // 75%
    [InlineData(12, 8, TargetStatus.AtRisk)] // 60%
    [InlineData(11, 9, TargetStatus.Missed)] // 55%
    [InlineData(15, 4, TargetStatus.NotJudged)] // 19 sessions
    public void Offline_users_completing_is_on_track_from_80_percent_at_risk_from_60_and_needs_20_sessions(int completed, int notCompleted, TargetStatus status)
    {
        var result = OfflineUsersCompletingRule.Evaluate(Offline(completed, notCompleted), TrendSettings.Default, AsOf);

        Assert.Equal(status, result.Status);
        Assert.Equal("offline-users-completing", result.Rule);
        Assert.Equal(completed + notCompleted, result.Figure("sessions-at-points-1-3"));
        Assert.Equal(completed, result.Figure("completed"));
    }

    [Fact]
    public void Sessions_above_point_3_or_without_a_point_are_not_counted()
    {
        var sessions = Offline(10, 10, point: 1)
            .Concat(Offline(0, 30, point: 4))
            .Concat(Enumerable.Range(0, 30).Select(_ => Session(Noon("2026-03-10"), null, SessionOutcome.NotCompleted)));

        var result = OfflineUsersCompletingRule.Evaluate(sessions, TrendSettings.Default, AsOf);

        Assert.Equal(20, result.Figure("sessions-at-points-1-3"));
        Assert.Equal(0.5, result.Figure("completion-rate"));
        Assert.Equal(TargetStatus.Missed, result.Status);
        Assert.Contains("10 of the 20", result.Reason);
    }

    [Fact]
    public void Only_sessions_on_London_dates_in_the_13_complete_weeks_count()
    {
        var inside = Offline(20, 0).ToList();
        var outside = new[]
        {
            Session(DateTimeOffset.Parse("2026-04-05T23:30:00Z"), 3, SessionOutcome.NotCompleted), // 00:30 BST on 6 April: today, not complete
            Session(DateTimeOffset.Parse("2026-01-04T12:00:00Z"), 3, SessionOutcome.NotCompleted), // the week before the window
        };
        var lateEvening = Session(DateTimeOffset.Parse("2026-04-05T22:30:00Z"), 3, SessionOutcome.NotCompleted); // 23:30 BST on 5 April

        var result = OfflineUsersCompletingRule.Evaluate(inside.Concat(outside).Append(lateEvening), TrendSettings.Default, AsOf);

        Assert.Equal(21, result.Figure("sessions-at-points-1-3"));
    }
}
