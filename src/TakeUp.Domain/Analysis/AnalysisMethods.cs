using TakeUp.Domain.Measures;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// The methods behind the analysis figures (trends, assisted-digital support and the inclusion target),
/// named and versioned like <see cref="MeasureMethod.DigitalTakeUp"/>. docs/method.md explains each.
/// </summary>
public static class AnalysisMethods
{
    /// <summary>The figure the 13-week and 4-week averages in a trend are.</summary>
    public static readonly MeasureMethod TakeUpMovingAverage = new(
        "digital-take-up-moving-average",
        "volume-weighted-1",
        "Digital take-up (service-manual-1) over the last N weeks that have at least the minimum weekly volume: "
        + "their completed digital transactions, assisted digital included, over their completed transactions from every channel.");

    /// <summary>The straight line fitted to weekly take-up.</summary>
    public static readonly MeasureMethod TakeUpTrend = new(
        "digital-take-up-trend",
        "ols-1",
        "Ordinary least squares line of weekly digital take-up (service-manual-1, as a percentage) against the week, over the last 13 weeks "
        + "that have at least the minimum weekly volume, with a 95% confidence interval for its slope from Student's t with n-2 degrees of freedom.");

    /// <summary>The digital-inclusion target's measure. Unlike <see cref="MeasureMethod.AssistedDigitalShare"/>, its denominator is every channel.</summary>
    public static readonly MeasureMethod AssistedDigitalShareOfTransactions = new(
        "assisted-digital-share-of-transactions",
        "1",
        "Completed digital transactions that had assisted digital support, over completed transactions from every channel.");

    /// <summary>How many logged sessions ended with the transaction done.</summary>
    public static readonly MeasureMethod SessionCompletion = new(
        "assisted-session-completion",
        "1",
        "Logged assisted digital sessions whose outcome was completed, over logged sessions.");

    /// <summary>The second half of the digital-inclusion target: offline people helped are completing.</summary>
    public static readonly MeasureMethod OfflineSessionCompletion = new(
        "offline-users-completing",
        "1",
        "Logged assisted digital sessions with people at points 1 to 3 of the digital inclusion scale whose outcome was completed, "
        + "over logged sessions with people at points 1 to 3. Sessions where the point was not recorded are left out.");

    /// <summary>The assisted-digital service standard's measure.</summary>
    public static readonly MeasureMethod SupportWithinStandard = new(
        "support-within-standard",
        "1",
        "Support requests resolved within the service's standard number of working days (counted after the London day opened, up to and "
        + "including the day resolved; Monday to Friday except bank holidays in England and Wales), over support requests resolved.");

    public static readonly IReadOnlyList<MeasureMethod> All =
        [TakeUpMovingAverage, TakeUpTrend, AssistedDigitalShareOfTransactions, SessionCompletion, OfflineSessionCompletion, SupportWithinStandard];
}
