using TakeUp.Functions.Auth;
using TakeUp.Functions.Storage;
using TakeUp.Hosting;

namespace TakeUp.Functions.Alerts;

public static class AlertsSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<NotifyOptions>().BindConfiguration(NotifyOptions.Section);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddOptions<AppLinkOptions>().BindConfiguration(AppLinkOptions.Section);
        services.AddSingleton<NotifyClient>();
        services.AddHttpClient<WebhookSender>();
        services.AddSingleton<AlertStore>();
        return services;
    }

    public static WebApplication MapAlerts(this WebApplication app, RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("alerts");
        alerts.MapGet("", ListAlerts.HandleAsync).RequireAuthorization(Policies.Readers).AsFunction(nameof(ListAlerts));
        alerts.MapGet("{id}", GetAlert.HandleAsync).RequireAuthorization(Policies.Readers).AsFunction(nameof(GetAlert));
        alerts.MapPost("{id}/acknowledge", AcknowledgeAlert.HandleAsync).RequireAuthorization(Policies.Readers).AsFunction(nameof(AcknowledgeAlert));
        app.MapQueueFunction<DeliverAlert, AlertMessage>(QueueNames.Alerts);
        return app;
    }
}
