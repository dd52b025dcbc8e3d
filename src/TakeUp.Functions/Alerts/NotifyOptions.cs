namespace TakeUp.Functions.Alerts;

/// <summary>
/// Settings under <c>Notify</c> for GOV.UK Notify. Without an API key, e-mails are not sent:
/// each is recorded as skipped, so a local run works without Notify.
/// </summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>The key as Notify issues it: <c>{name}-{service id}-{secret}</c>.</summary>
    public string? ApiKey { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk");

    /// <summary>The e-mail template for alerts: personalisation <c>service</c>, <c>rule</c>, <c>status</c>, <c>summary</c>, <c>link</c>.</summary>
    public string? AlertTemplateId { get; set; }

    /// <summary>The e-mail template for the weekly digest: personalisation <c>week</c>, <c>body</c>.</summary>
    public string? DigestTemplateId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
