using TakeUp.Functions.Alerts;
using TakeUp.Functions.Pages.Home;
using TakeUp.Functions.TakeUp;

namespace TakeUp.Functions.Pages.Dashboard;

/// <param name="Report">What <c>GET api/services/{serviceId}/take-up</c> answers for the same period: every figure on the page.</param>
/// <param name="OpenAlerts">The service's open alerts, newest first.</param>
/// <param name="MayAcknowledge">Only the service's own managers acknowledge its alerts.</param>
/// <param name="Acknowledged">The alert just acknowledged, for the success banner.</param>
public sealed record DashboardModel(
    ServiceLink Service,
    ServiceTakeUpReport Report,
    IReadOnlyList<AlertRecord> OpenAlerts,
    bool MayAcknowledge,
    string? Acknowledged)
{
    public static readonly IReadOnlyList<string> Periods = ["week", "month", "quarter"];
}
