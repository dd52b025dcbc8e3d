namespace TakeUp.Domain.Services;

public enum AlertRouteKind
{
    /// <summary>An e-mail through GOV.UK Notify.</summary>
    Email,

    /// <summary>A signed JSON POST to an HTTPS address.</summary>
    Webhook,
}

/// <summary>Where a service's alerts go. Written <c>email:address</c> or <c>webhook:https://…</c>.</summary>
public sealed record AlertRoute(AlertRouteKind Kind, string Target)
{
    public override string ToString() => $"{(Kind == AlertRouteKind.Email ? "email" : "webhook")}:{Target}";

    public static bool TryParse(string? text, out AlertRoute route, out string reason)
    {
        route = new AlertRoute(AlertRouteKind.Email, "");
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon < 0)
        {
            reason = $"'{text}' is not an alert route; write email:someone@example.com or webhook:https://example.com/hook.";
            return false;
        }

        var kind = text[..colon];
        var target = text[(colon + 1)..].Trim();
        switch (kind)
        {
            case "email" when EmailAddress.IsValid(target):
                route = new AlertRoute(AlertRouteKind.Email, target);
                reason = "";
                return true;
            case "email":
                reason = $"'{target}' is not an e-mail address.";
                return false;
            // Plain http only for a receiver on this machine (local development); anything else must be https.
            case "webhook" when Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)):
                route = new AlertRoute(AlertRouteKind.Webhook, uri.ToString());
                reason = "";
                return true;
            case "webhook":
                reason = $"'{target}' is not an https address; webhooks must use https (plain http only to this machine).";
                return false;
            default:
                reason = $"'{kind}' is not a kind of alert route; use email or webhook.";
                return false;
        }
    }
}
