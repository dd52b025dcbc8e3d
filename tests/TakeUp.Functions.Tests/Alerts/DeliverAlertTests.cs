using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Domain.Services;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Alerts;

public class DeliverAlertTests
{
    private static async Task<(TakeUpApp App, LocalReceivers Receivers)> StartAsync()
    {
        var receivers = await LocalReceivers.StartAsync();
        var app = await TakeUpApp.StartAsync(settings: receivers.Settings);
        using var admin = await app.ClientAsync("admin");
        var put = await admin.PutAsJsonAsync("/api/services/carers-allowance", new
        {
            name = "Carer's Allowance",
            department = "dwp",
            departmentName = "Department for Work and Pensions",
            managers = new[] { "carers.manager@example.com" },
            alertRoutes = new[] { "email:carers.manager@example.com", "webhook:" + receivers.WebhookUrl },
        });
        put.EnsureSuccessStatusCode();
        return (app, receivers);
    }

    private static async Task<string> RaiseAsync(TakeUpApp app, string rule)
    {
        var store = app.Services.GetRequiredService<AlertStore>();
        var id = await store.RecordAsync(
            ServiceId.Parse("carers-allowance"),
            new RuleOutcome(rule, "at-risk", "Digital take-up is 61% and the trend does not reach 80% by 2027-03-31.", [new FigureValue("takeUp", 0.61)]),
            previous: null,
            AlertChange.Raise,
            CancellationToken.None);
        await app.Queue(QueueNames.Alerts).SendMessageAsync(JsonSerializer.Serialize(new AlertMessage("carers-allowance", id, AlertMessage.Raised)));
        return id!;
    }

    [Fact]
    public async Task An_alert_reaches_Notify_and_the_webhook_once_even_when_its_message_is_delivered_twice()
    {
        var (app, receivers) = await StartAsync();
        await using var _ = app;
        await using var __ = receivers;

        var id = await RaiseAsync(app, "digital-take-up");
        await TakeUpApp.EventuallyAsync(() => Task.FromResult(receivers.Emails.Count + receivers.Webhooks.Count), n => n == 2, "one e-mail and one webhook");
        await app.Queue(QueueNames.Alerts).SendMessageAsync(JsonSerializer.Serialize(new AlertMessage("carers-allowance", id, AlertMessage.Raised)));
        await UsageApi.WaitForQueueDrainedAsync(app, QueueNames.Alerts);

        Assert.Single(receivers.Emails);
        Assert.Single(receivers.Webhooks);
        Assert.Empty(receivers.RefusedCalls);
        var email = receivers.Emails.Single();
        Assert.Equal("carers.manager@example.com", email.GetProperty("email_address").GetString());
        Assert.Equal(LocalReceivers.AlertTemplate, email.GetProperty("template_id").GetString());
        Assert.Equal("at-risk", email.GetProperty("personalisation").GetProperty("status").GetString());
        var hook = receivers.Webhooks.Single();
        Assert.Equal(id, hook.GetProperty("alertId").GetString());
        Assert.Equal("raised", hook.GetProperty("event").GetString());

        using var manager = await app.ClientAsync("service-manager", ["carers-allowance"]);
        var alert = await manager.GetFromJsonAsync<AlertRecord>($"/api/alerts/{id}");
        Assert.Equal(["delivered", "delivered"], alert!.Deliveries.Select(d => d.Outcome));
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_by_the_queue_without_sending_the_email_again()
    {
        var (app, receivers) = await StartAsync();
        await using var _ = app;
        await using var __ = receivers;
        receivers.WebhookFailuresToGo = 2;

        var id = await RaiseAsync(app, "digital-inclusion");
        await TakeUpApp.EventuallyAsync(() => Task.FromResult(receivers.Webhooks.Count), n => n == 1, "the webhook to succeed on a retry");
        await UsageApi.WaitForQueueDrainedAsync(app, QueueNames.Alerts);

        Assert.Single(receivers.Emails);
        Assert.Single(receivers.Webhooks);
        using var gds = await app.GdsAsync();
        var alert = await gds.GetFromJsonAsync<AlertRecord>($"/api/alerts/{id}");
        Assert.All(alert!.Deliveries, d => Assert.Equal("delivered", d.Outcome));
    }

    [Fact]
    public async Task Without_Notify_settings_emails_are_recorded_as_skipped_not_failed()
    {
        await using var app = await TakeUpApp.StartAsync();
        var id = await RaiseAsync(app, "feed-late");

        using var gds = await app.GdsAsync();
        var alert = await TakeUpApp.EventuallyAsync(
            async () => await gds.GetFromJsonAsync<AlertRecord>($"/api/alerts/{id}"),
            // The seeded service has an e-mail and a webhook route; wait until both are settled.
            a => a!.Deliveries.Count == 2 && a.Deliveries.All(d => d.Outcome != "sending"),
            "both deliveries to be recorded");
        Assert.All(alert!.Deliveries, d => Assert.Equal("skipped", d.Outcome));
        Assert.Equal(0, (await app.Queue(QueueNames.Alerts + "-poison").GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
