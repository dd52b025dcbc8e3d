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
}
