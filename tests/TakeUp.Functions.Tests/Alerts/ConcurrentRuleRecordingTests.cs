using Microsoft.Extensions.DependencyInjection;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Services;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Alerts;

/// <summary>
/// Timers and queue functions run concurrently with themselves (scale-out, or a timer run by hand
/// while it fires): the same evaluation recorded by several at once stores one state and one alert.
/// </summary>
public class ConcurrentRuleRecordingTests
{
    [Fact]
    public async Task The_same_evaluation_recorded_by_six_runs_at_once_raises_one_alert_and_all_succeed()
    {
        await using var app = await TakeUpApp.StartAsync();
        var recorder = app.Services.GetRequiredService<RuleRecorder>();
        var alerts = app.Services.GetRequiredService<AlertStore>();
        var service = ServiceId.Parse("carers-allowance");
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var late = DataQualityRules.FeedLate(FeedFrequency.Daily, now.AddDays(-10), now);

        var raised = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => recorder.RecordAsync(service, [late], CancellationToken.None))));
        var state = (await alerts.GetStatesAsync(service, CancellationToken.None))[DataQualityRules.FeedLateRule];

        Assert.Equal(TargetStatus.Missed, late.Status);
        Assert.Equal(["carers-allowance.feed-late.1"], raised.SelectMany(r => r).ToArray());
        Assert.Equal(1, state.Sequence);
        Assert.Equal("carers-allowance.feed-late.1", state.OpenAlertId);
    }
}
