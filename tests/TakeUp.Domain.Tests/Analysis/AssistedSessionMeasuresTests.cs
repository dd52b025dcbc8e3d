using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class AssistedSessionMeasuresTests
{
    private static readonly DateTimeOffset When = Noon("2026-03-10");

    private static readonly AssistedSession[] Sessions =
    [
        Session(When, 2, SessionOutcome.Completed, SupportRoute.InPerson, HelpReason.NoDevice, HelpReason.LacksSkills),
        Session(When, 3, SessionOutcome.NotCompleted, SupportRoute.Phone, HelpReason.LacksSkills),
        Session(When, 1, SessionOutcome.Completed, SupportRoute.Phone, HelpReason.NoInternet),
        Session(When, 7, SessionOutcome.Completed, SupportRoute.Webchat, HelpReason.Language),
        Session(When, null, SessionOutcome.Completed, SupportRoute.InPerson, HelpReason.LacksConfidence),
        Session(When, 2, SessionOutcome.Referred, SupportRoute.HomeVisit, HelpReason.LacksSkills, HelpReason.AccessibilityNeed),
    ];

    [Fact]
    public void Sessions_are_counted_by_route_outcome_and_inclusion_point_in_vocabulary_order_with_zeros()
    {
        var measures = AssistedSessionMeasures.From(Sessions);

        Assert.Equal(6, measures.Sessions);
        Assert.Equal(SupportRoute.All, measures.ByRoute.Select(r => r.Key));
        Assert.Equal([2L, 2, 1, 1], measures.ByRoute.Select(r => r.Value));
        Assert.Equal([4L, 0, 1, 1], measures.ByOutcome.Select(o => o.Value));
        Assert.Equal([1L, 2, 1, 0, 0, 0, 1, 0, 0], measures.ByInclusionPoint.Select(p => p.Value));
        Assert.Equal(1, measures.InclusionPointNotRecorded);
        Assert.Equal(2, measures.CountFor(SupportRoute.Phone));
        Assert.Equal(0, measures.CountFor(SessionOutcome.PartlyCompleted));
        Assert.Equal(2, measures.CountFor(InclusionScalePoint.Of(2)));
    }

    [Fact]
    public void A_session_counts_once_under_each_of_its_reasons()
    {
        var measures = AssistedSessionMeasures.From(Sessions);

        Assert.Equal(HelpReason.All, measures.ByReason.Select(r => r.Key));
        Assert.Equal([1L, 1, 3, 1, 1, 1, 0, 0], measures.ByReason.Select(r => r.Value));
        Assert.Equal(3, measures.CountFor(HelpReason.LacksSkills));
    }

    [Fact]
    public void Completion_is_over_all_sessions_and_offline_completion_over_points_1_to_3_only()
    {
        var measures = AssistedSessionMeasures.From(Sessions);

        Assert.Equal((4L, 6L), (measures.Completion.Numerator, measures.Completion.Denominator));
        Assert.Equal((2L, 4L), (measures.OfflineCompletion.Numerator, measures.OfflineCompletion.Denominator));
        Assert.Equal(0.5, measures.OfflineCompletion.Value);
        Assert.Equal("assisted-session-completion", measures.Completion.Method.Name);
        Assert.Equal("offline-users-completing", measures.OfflineCompletion.Method.Name);
    }

    [Fact]
    public void No_sessions_give_zero_counts_and_no_rates()
    {
        var measures = AssistedSessionMeasures.From([]);

        Assert.Equal(0, measures.Sessions);
        Assert.Equal(9, measures.ByInclusionPoint.Count);
        Assert.All(measures.ByRoute, r => Assert.Equal(0, r.Value));
        Assert.Null(measures.Completion.Value);
        Assert.Null(measures.OfflineCompletion.Value);
    }
}
