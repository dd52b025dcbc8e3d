using TakeUp.Domain.Analysis;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class SupportStandardRuleTests
{
    private static readonly DateOnly AsOf = Date("2026-04-06");

    private static IEnumerable<ResolvedSupportRequest> Requests(int within, int late, string resolvedOn = "2026-03-10") =>
        Enumerable.Range(0, within).Select(_ => new ResolvedSupportRequest(Date(resolvedOn), 3))
            .Concat(Enumerable.Range(0, late).Select(_ => new ResolvedSupportRequest(Date(resolvedOn), 12)));

    [Theory]
    [InlineData(9, 1, TargetStatus.OnTrack)] // 90%
    [InlineData(8, 2, TargetStatus.AtRisk)] // 80%
    [InlineData(15, 5, TargetStatus.AtRisk)] // 75%
    [InlineData(14, 6, TargetStatus.Missed)] // 70%
    [InlineData(9, 0, TargetStatus.NotJudged)] // 9 requests
    public void The_standard_is_on_track_from_90_percent_within_it_at_risk_from_75_and_needs_10_requests(int within, int late, TargetStatus status)
    {
        var result = SupportStandardRule.Evaluate(Requests(within, late), null, TrendSettings.Default, AsOf);

        Assert.Equal(status, result.Status);
        Assert.Equal("assisted-digital-standard", result.Rule);
        Assert.Equal(within + late, result.Figure("requests-resolved"));
    }

    [Fact]
    public void Without_a_service_standard_five_working_days_is_the_standard_and_a_service_may_set_another()
    {
        var waits = new[] { 5, 5, 5, 5, 5, 6, 6, 6, 6, 6 }.Select(d => new ResolvedSupportRequest(Date("2026-03-10"), d)).ToList();

        var byDefault = SupportStandardRule.Evaluate(waits, null, TrendSettings.Default, AsOf);
        var tenDays = SupportStandardRule.Evaluate(waits, 10, TrendSettings.Default, AsOf);

        Assert.Equal(5, byDefault.Figure("standard-working-days"));
        Assert.Equal(0.5, byDefault.Figure("share-within-standard"));
        Assert.Equal(TargetStatus.Missed, byDefault.Status);
        Assert.Contains("5 of the 10 support requests", byDefault.Reason);
        Assert.Contains("within 5 working days", byDefault.Reason);
        Assert.Equal(TargetStatus.OnTrack, tenDays.Status);
        Assert.Equal(5.5, byDefault.Figure("median-working-days"));
        Assert.Equal(6, byDefault.Figure("percentile-90-working-days"));
    }

    [Fact]
    public void Requests_resolved_outside_the_13_complete_weeks_are_not_counted()
    {
        var requests = Requests(10, 0)
            .Concat(Requests(0, 5, resolvedOn: "2026-04-06")) // today
            .Concat(Requests(0, 5, resolvedOn: "2026-01-04")); // the Sunday before the window

        var result = SupportStandardRule.Evaluate(requests, null, TrendSettings.Default, AsOf);

        Assert.Equal(10, result.Figure("requests-resolved"));
        Assert.Equal(TargetStatus.OnTrack, result.Status);
    }
}
