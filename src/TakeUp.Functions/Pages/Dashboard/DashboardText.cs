using System.Globalization;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;

namespace TakeUp.Functions.Pages.Dashboard;

/// <summary>The API's codes as a dashboard says them.</summary>
public static class DashboardText
{
    public static string Rule(string rule) => rule switch
    {
        "digital-take-up" => "Digital take-up target",
        "digital-inclusion" => "Digital inclusion target",
        "assisted-digital-standard" => "Assisted digital service standard",
        "offline-users-completing" => "Offline users completing",
        DataQualityRules.FeedLateRule => "Usage feed arriving",
        "channel-dropped" => "No channel dropped to zero",
        "full-digital-with-offline-channels" => "Offline channels reported",
        "sessions-exceed-assisted" => "Sessions match assisted digital",
        _ => rule,
    };

    /// <summary>The GOV.UK tag colour for a status.</summary>
    public static string StatusTag(string status) => status switch
    {
        "on-track" => "govuk-tag govuk-tag--green",
        "at-risk" => "govuk-tag govuk-tag--yellow",
        "missed" => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Status(string status) => status switch
    {
        "on-track" => "On track",
        "at-risk" => "At risk",
        "missed" => "Missed",
        "not-judged" => "Not judged",
        _ => status,
    };

    public static string Route(string name) => SupportRoute.TryParse(name, out var route) ? route.Label : name;

    public static string Reason(string name) => HelpReason.TryParse(name, out var reason) ? reason.Label : name;

    public static string InclusionPoint(string name) =>
        InclusionScalePoint.TryParse(name, out var point) ? $"{point.Value}. {point.Name}" : name;

    public static string Outcome(string name) => SessionOutcome.TryParse(name, out var outcome) ? outcome.Label : name;

    public static string Figure(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.GetCultureInfo("en-GB")) : "–";
}
