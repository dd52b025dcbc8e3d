using System.Net.Http.Json;
using TakeUp.Functions.TakeUp;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Assisted.AssistedApi;

namespace TakeUp.Functions.Tests.Assisted;

public class SupportMeasuresReportTests
{
    [Fact]
    public async Task The_take_up_report_shows_what_the_sessions_and_support_requests_in_its_range_show()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);
        await LogAsync(frontline, Session());
        await LogAsync(frontline, Session(("route", "phone"), ("outcome", "not-completed"), ("inclusionPoint", 2), ("reasons", new[] { "no-internet" })));
        await LogAsync(frontline, Session(("route", "phone"), ("inclusionPoint", null), ("when", "2026-11-19T09:00")));
        await LogAsync(frontline, Session(("when", "2026-10-01T09:00")));
        var request = await OpenAsync(frontline, new { route = "home-visit", reasons = new[] { "accessibility-need" }, openedAt = "2026-11-16T10:00" });
        (await PatchAsync(frontline, request.Id, new { status = "resolved", at = "2026-11-19T15:00" })).EnsureSuccessStatusCode();

        var report = await manager.GetFromJsonAsync<ServiceTakeUpReport>($"/api/services/{Service}/take-up?from=2026-11-16&to=2026-11-21");

        var sessions = report!.AssistedSessions;
        Assert.Equal(3, sessions.Sessions);
        Assert.Equal(2, sessions.ByRoute.Single(r => r.Name == "phone").Count);
        Assert.Equal(1, sessions.ByRoute.Single(r => r.Name == "in-person").Count);
        Assert.Equal(0, sessions.ByRoute.Single(r => r.Name == "home-visit").Count);
        Assert.Equal(2, sessions.ByReason.Single(r => r.Name == "lacks-confidence").Count);
        Assert.Equal(1, sessions.InclusionPointNotRecorded);
        Assert.Equal(1, sessions.ByOutcome.Single(o => o.Name == "not-completed").Count);
        Assert.Equal(2.0 / 3, sessions.Completion.Value!.Value, 5);
        Assert.Equal(0.5, sessions.OfflineCompletion.Value);
        Assert.Equal((1, 3.0, 5), (report.SupportRequests.Resolved, report.SupportRequests.MedianWorkingDays!.Value, report.SupportRequests.StandardDays));
        Assert.Equal(1.0, report.SupportRequests.WithinStandard.Value);
    }
}
