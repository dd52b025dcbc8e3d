using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Services;
using TakeUp.Functions.Hosting;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// Queue function: sends one alert event (raised or resolved) to each of the service's alert
/// routes: e-mail through GOV.UK Notify, or a signed JSON webhook. Each delivery is claimed before
/// it is sent and recorded after, so a route never gets an event twice; routes that fail make the
/// message fail, and the queue's retries (then the poison queue) try only those again.
/// </summary>
public sealed class DeliverAlert(
    AlertStore alerts,
    ServiceCatalog catalog,
    NotifyClient notify,
    WebhookSender webhooks,
    IOptions<NotifyOptions> notifyOptions,
    IOptions<WebhookOptions> webhookOptions,
    IOptions<AppLinkOptions> links)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function(nameof(DeliverAlert))]
    public Task RunAsync([QueueTrigger(QueueNames.Alerts, Connection = StorageConnection.Setting)] AlertMessage message, FunctionContext context) =>
        RunAsync(message, QueueDelivery.From(context), context.CancellationToken);

    // Internal, not public: the worker finds a function's method by name alone, so a second public
    // RunAsync would make it ambiguous. The tests reach this one through InternalsVisibleTo.
    internal async Task RunAsync(AlertMessage message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        if (!ServiceId.TryParse(message.Service, out var serviceId) || message.AlertId is null
            || message.Event is not (AlertMessage.Raised or AlertMessage.Resolved))
        {
            throw new InvalidDataException($"Not an alert message: service '{message.Service}', alert '{message.AlertId}', event '{message.Event}'.");
        }

        var alert = await alerts.GetAsync(serviceId, message.AlertId, cancellationToken)
            ?? throw new InvalidDataException($"There is no alert '{message.AlertId}' for {serviceId}.");
        var service = await catalog.FindAsync(serviceId, cancellationToken)
            ?? throw new InvalidDataException($"The service '{serviceId}' is no longer in the catalogue.");

        var failures = new List<string>();
        foreach (var route in service.AlertRoutes)
        {
            var routeText = route.ToString();
            if (await alerts.ClaimDeliveryAsync(serviceId, alert.Id, message.Event, routeText, cancellationToken) == DeliveryClaim.AlreadySettled)
            {
                continue;
            }

            var (outcome, detail) = await SendAsync(route, service, alert, message.Event, cancellationToken);
            await alerts.RecordDeliveryAsync(serviceId, alert.Id, message.Event, routeText, outcome, detail, cancellationToken);
            Telemetry.TakeUpTelemetry.AlertsDelivered.Add(1,
                new KeyValuePair<string, object?>("takeup.route", route.Kind.ToString().ToLowerInvariant()),
                new KeyValuePair<string, object?>("takeup.outcome", outcome));
            if (outcome == "failed")
            {
                failures.Add($"{routeText}: {detail}");
            }
        }

        if (failures.Count > 0)
        {
            throw new AlertDeliveryFailedException(alert.Id, failures);
        }
    }

    private async Task<(string Outcome, string? Detail)> SendAsync(AlertRoute route, ServiceRecord service, AlertRecord alert, string alertEvent, CancellationToken cancellationToken)
    {
        var link = links.Value.AlertLink(alert.Id);
        try
        {
            if (route.Kind == AlertRouteKind.Email)
            {
                var settings = notifyOptions.Value;
                if (!settings.IsConfigured || string.IsNullOrWhiteSpace(settings.AlertTemplateId))
                {
                    return ("skipped", "GOV.UK Notify is not configured (Notify:ApiKey and Notify:AlertTemplateId).");
                }

                var id = await notify.SendEmailAsync(
                    new NotifyEmail(
                        route.Target,
                        settings.AlertTemplateId,
                        new Dictionary<string, string>
                        {
                            ["service"] = service.Name,
                            ["rule"] = alert.Rule,
                            ["status"] = alertEvent == AlertMessage.Resolved ? "resolved" : alert.Status,
                            ["summary"] = alert.Summary,
                            ["link"] = link,
                        },
                        $"{alert.Id}.{alertEvent}"),
                    cancellationToken);
                return ("delivered", $"Notify notification {id}");
            }

            if (string.IsNullOrWhiteSpace(webhookOptions.Value.SigningSecret))
            {
                return ("skipped", "Webhooks are not configured (Webhooks:SigningSecret).");
            }

            var payload = new AlertWebhookPayload(
                alertEvent, alert.Id, service.Id.Value, service.Name, service.Department.Value, alert.Rule,
                alertEvent == AlertMessage.Resolved ? "resolved" : alert.Status,
                alert.Summary, alert.Figures, alert.RaisedAt, alert.ResolvedAt, link);
            await webhooks.SendAsync(new Uri(route.Target), JsonSerializer.Serialize(payload, Json), $"{alert.Id}.{alertEvent}", cancellationToken);
            return ("delivered", null);
        }
        catch (Exception ex) when (ex is HttpRequestException or NotifyException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ("failed", ex.Message);
        }
    }
}
