using System.Security.Cryptography;
using System.Text;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// The only place <c>Alerts</c> keys are built. Partition = the service, so a rule's state, its
/// alerts and their deliveries change together in one transaction.
/// </summary>
public static class AlertKeys
{
    public const string StatePrefix = "state|";
    public const string AlertPrefix = "alert|";
    public const string AlertEnd = "alert}";
    public const string DeliveryPrefix = "delivery|";

    public static string StateRowKey(string rule) => StatePrefix + rule;

    public static string AlertRowKey(string alertId) => AlertPrefix + alertId;

    /// <summary>Alert ids name their service and rule, so an id alone finds the alert: <c>carers-allowance.digital-take-up.3</c>.</summary>
    public static string AlertId(ServiceId service, string rule, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{service.Value}.{rule}.{sequence}");

    public static bool TryReadService(string alertId, out ServiceId service)
    {
        var dot = alertId.IndexOf('.', StringComparison.Ordinal);
        service = default;
        return dot > 0 && alertId.Count(c => c == '.') == 2 && ServiceId.TryParse(alertId[..dot], out service)
            && alertId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
    }

    public static string DeliveryRowKey(string alertId, string alertEvent, string route) =>
        $"{DeliveryPrefix}{alertId}|{alertEvent}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(route)))[..16]}";

    public static string DeliveryPrefixFor(string alertId) => $"{DeliveryPrefix}{alertId}|";
}
