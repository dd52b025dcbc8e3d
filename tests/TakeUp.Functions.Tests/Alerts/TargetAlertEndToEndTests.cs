using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Alerts;

/// <summary>
/// The story, through the app's real interfaces: usage recorded, the nightly timer runs,
/// a target is missed, the alert reaches a webhook and (a stand-in for) GOV.UK Notify, the manager
/// acknowledges it, the next run raises nothing new, and recovery resolves it. "Today" is
/// 2026-11-21 (the test clock); the target, 80% by 2026-10-31, has passed.
/// </summary>
public class TargetAlertEndToEndTests
{
    private const string Service = "book-prison-visit";

    private static object[] Weeks(int onlinePerDay, int phonePerDay) =>
        Enumerable.Range(0, 7 * 15)
            .Select(i => new DateOnly(2026, 8, 3).AddDays(i))
            .SelectMany(day => new[]
            {
                Row(day.ToString("yyyy-MM-dd"), Service, "online", onlinePerDay),
                Row(day.ToString("yyyy-MM-dd"), Service, "phone", phonePerDay),
            })
            .ToArray();

    private static async Task RunTimerAsync(TakeUpApp app, string name) =>
        Assert.Equal(HttpStatusCode.Accepted, (await app.RunFunctionAsync(name)).StatusCode);

    [Fact]
    public async Task A_missed_target_is_alerted_once_acknowledged_not_repeated_and_resolved_on_recovery()
    {
        await using var receivers = await LocalReceivers.StartAsync();
        await using var app = await TakeUpApp.StartAsync(settings: receivers.Settings);
        using var admin = await app.ClientAsync("admin");
        using var ingest = await app.IngestAsync("moj");
        using var manager = await app.ClientAsync("service-manager", [Service]);
        using var host = app.CreateClient();
        (await admin.PutAsJsonAsync($"/api/services/{Service}", new
        {
            name = "Book a prison visit",
            department = "moj",
            departmentName = "Ministry of Justice",
            digitalTakeUpTarget = new { share = 0.8, by = "2026-10-31" },
            feedFrequency = "daily",
            offlineChannels = new[] { "phone" },
            managers = new[] { "visits.manager@example.com" },
            alertRoutes = new[] { "email:visits.manager@example.com", "webhook:" + receivers.WebhookUrl },
        })).EnsureSuccessStatusCode();

        // Fifteen weeks at 60% digital take-up.
        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest, Weeks(onlinePerDay: 120, phonePerDay: 80))).Id);
        await RunTimerAsync(app, "ScheduleTrendComputation");

        await TakeUpApp.EventuallyAsync(() => Task.FromResult(receivers.Webhooks.Count), n => n >= 1, "the alert to reach the webhook");
        await TakeUpApp.EventuallyAsync(() => Task.FromResult(receivers.Emails.Count), n => n >= 1, "the alert to reach Notify");
        var open = await manager.GetFromJsonAsync<List<AlertRecord>>($"/api/alerts?service={Service}");
        var alert = Assert.Single(open!);
        Assert.Equal(("digital-take-up", "missed"), (alert.Rule, alert.Status));
        Assert.Contains(alert.Figures, f => f.Value is > 0.59 and < 0.61);
        var hook = receivers.Webhooks.Single();
        Assert.Equal(("raised", "missed", alert.Id), (hook.GetProperty("event").GetString(), hook.GetProperty("status").GetString(), hook.GetProperty("alertId").GetString()));
        Assert.Equal("visits.manager@example.com", receivers.Emails.Single().GetProperty("email_address").GetString());
        Assert.Empty(receivers.RefusedCalls);

        var takeUp = await manager.GetFromJsonAsync<JsonElement>($"/api/services/{Service}/take-up?period=week");
        Assert.True(takeUp.TryGetProperty("targets", out var targets), string.Join(",", takeUp.EnumerateObject().Select(p => p.Name)));
        Assert.Contains(targets.EnumerateArray(), t => t.GetProperty("rule").GetString() == "digital-take-up" && t.GetProperty("status").GetString() == "missed");

        var acknowledged = await manager.PostAsync($"/api/alerts/{alert.Id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.NotNull((await acknowledged.Content.ReadFromJsonAsync<AlertRecord>())!.AcknowledgedAt);

        // The next run, in full: the state is known, so nothing new is raised or sent.
        await app.Queue(QueueNames.TrendJobs).SendMessageAsync(JsonSerializer.Serialize(new { service = Service, full = true }));
        await WaitForQueueDrainedAsync(app, QueueNames.TrendJobs);
        await WaitForQueueDrainedAsync(app, QueueNames.Alerts);
        Assert.Single((await manager.GetFromJsonAsync<List<AlertRecord>>($"/api/alerts?service={Service}&state=all"))!);
        Assert.Single(receivers.Emails);
        Assert.Single(receivers.Webhooks);

        // Recovery: the department restates the same weeks at 90%.
        await WaitForReceiptAsync(ingest, (await SubmitAsync(ingest, Weeks(onlinePerDay: 180, phonePerDay: 20))).Id);
        await RunTimerAsync(app, "ScheduleTrendComputation");

        await TakeUpApp.EventuallyAsync(() => Task.FromResult(receivers.Webhooks.Count), n => n >= 2, "the resolution to reach the webhook");
        var resolved = await manager.GetFromJsonAsync<AlertRecord>($"/api/alerts/{alert.Id}");
        Assert.NotNull(resolved!.ResolvedAt);
        Assert.Equal("recovered", resolved.ResolvedBecause);
        Assert.Equal("resolved", receivers.Webhooks.Last().GetProperty("event").GetString());
        Assert.Empty((await manager.GetFromJsonAsync<List<AlertRecord>>($"/api/alerts?service={Service}"))!);
    }
}
