namespace TakeUp.Functions.Alerts;

/// <summary>Settings under <c>Webhooks</c>: the secret alert webhooks are signed with.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Shared with each receiver so it can check a call came from this service. Without it, webhooks are not sent.</summary>
    public string? SigningSecret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
