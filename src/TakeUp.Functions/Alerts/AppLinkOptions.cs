namespace TakeUp.Functions.Alerts;

/// <summary>Settings under <c>App</c>: where people reach this service, for links in alerts and digests.</summary>
public sealed class AppLinkOptions
{
    public const string Section = "App";

    public Uri PublicUrl { get; set; } = new("http://localhost:7071");

    public string AlertLink(string alertId) => new Uri(PublicUrl, $"/api/alerts/{alertId}").ToString();
}
