using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Pages.Home;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Services;
using TakeUp.Functions.TakeUp;
using TakeUp.Functions.Trends;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Pages.Dashboard;

/// <summary>
/// A service's dashboard for its managers and GDS: <c>GET services/{serviceId}?period=week|month|quarter</c>,
/// its figures as CSV, and acknowledging an alert. Every figure is what
/// <c>GET api/services/{serviceId}/take-up</c> answers for the same period: the page asks it, so
/// nothing is computed twice and the same access checks apply.
/// </summary>
public sealed class DashboardPages(
    PageRenderer pages,
    IAntiforgery antiforgery,
    ServiceCatalog catalog,
    UsageDailyStore usage,
    TrendStore trends,
    AlertStore alerts,
    AssistedSessionStore sessions,
    SupportRequestStore supportRequests,
    SupportWaiting waiting,
    TimeProvider time)
{
    [Function("DashboardPage")]
    [Authorize(Policy = Policies.Readers)]
    [Page]
    [QueryParameters("period", "acknowledged")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{serviceId}")] HttpRequest request,
        string serviceId)
    {
        var http = request.HttpContext;
        var (report, problem) = await ReportAsync(serviceId, request.Query["period"], http);
        if (problem is not null)
        {
            return problem;
        }

        var service = (await catalog.FindAsync(global::TakeUp.Domain.Services.ServiceId.Parse(report!.Service), http.RequestAborted))!;
        var open = (await alerts.ListAsync(service.Id, http.RequestAborted)).Where(a => a.IsOpen).OrderByDescending(a => a.RaisedAt).ToList();
        var caller = Caller.From(http.User);
        var model = new DashboardModel(
            new ServiceLink(service.Id.Value, service.Name, service.DepartmentName), report, open,
            caller.Role == Roles.ServiceManager && caller.MayRead(service.Id), request.Query["acknowledged"].FirstOrDefault());
        return await pages.RenderAsync<DashboardView, DashboardModel>(http, model);
    }

    [Function("DashboardTakeUpCsv")]
    [Authorize(Policy = Policies.Readers)]
    [Page]
    [QueryParameters("period")]
    public async Task<IResult> TakeUpCsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{serviceId}/take-up.csv")] HttpRequest request,
        string serviceId)
    {
        var (report, problem) = await ReportAsync(serviceId, request.Query["period"], request.HttpContext);
        if (problem is not null)
        {
            return problem;
        }

        return Csv($"{report!.Service}-take-up-by-{report.Period}.csv", csv =>
        {
            foreach (var header in new[] { "period", "start", "end", "transactions", "digital", "assisted_digital", "digital_take_up", "independent_digital_take_up", "assisted_digital_share" })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var p in report.Periods)
            {
                csv.WriteField(p.Period);
                csv.WriteField(p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(p.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(p.Transactions);
                csv.WriteField(p.Digital);
                csv.WriteField(p.AssistedDigital);
                csv.WriteField(p.DigitalTakeUp.Value);
                csv.WriteField(p.IndependentDigitalTakeUp.Value);
                csv.WriteField(p.AssistedDigitalShare.Value);
                csv.NextRecord();
            }
        });
    }

    [Function("DashboardSessionsCsv")]
    [Authorize(Policy = Policies.Readers)]
    [Page]
    [QueryParameters("period")]
    public async Task<IResult> SessionsCsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{serviceId}/assisted-sessions.csv")] HttpRequest request,
        string serviceId)
    {
        var (report, problem) = await ReportAsync(serviceId, request.Query["period"], request.HttpContext);
        if (problem is not null)
        {
            return problem;
        }

        var sessionCounts = report!.AssistedSessions;
        return Csv($"{report.Service}-assisted-sessions-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.csv", csv =>
        {
            csv.WriteField("breakdown");
            csv.WriteField("value");
            csv.WriteField("label");
            csv.WriteField("sessions");
            csv.NextRecord();
            void Rows(string breakdown, IEnumerable<CountValue> rows, Func<string, string> label)
            {
                foreach (var row in rows)
                {
                    csv.WriteField(breakdown);
                    csv.WriteField(row.Name);
                    csv.WriteField(label(row.Name));
                    csv.WriteField(row.Count);
                    csv.NextRecord();
                }
            }

            Rows("route", sessionCounts.ByRoute, DashboardText.Route);
            Rows("outcome", sessionCounts.ByOutcome, DashboardText.Outcome);
            Rows("inclusion_point", sessionCounts.ByInclusionPoint, DashboardText.InclusionPoint);
            Rows("inclusion_point", [new CountValue("", sessionCounts.InclusionPointNotRecorded)], _ => "Not asked");
            Rows("reason", sessionCounts.ByReason, DashboardText.Reason);
        });
    }

    [Function("AcknowledgeAlertPage")]
    [Authorize(Policy = Policies.Readers)]
    [Page]
    public async Task<IResult> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "services/{serviceId}/alerts/{alertId}/acknowledge")] HttpRequest request,
        string serviceId,
        string alertId)
    {
        var http = request.HttpContext;
        var (_, problem) = await PageForms.ReadAsync(http, antiforgery);
        if (problem is not null)
        {
            return problem;
        }

        if (!AlertKeys.TryReadService(alertId, out var service) || service.Value != serviceId)
        {
            return Problems.NotFound($"There is no alert '{alertId}' for {serviceId}.");
        }

        var acknowledged = await AcknowledgeAlert.HandleAsync(alertId, http.User, alerts, http.RequestAborted);
        return acknowledged.Result is Ok<AlertRecord>
            ? Results.Redirect($"/services/{serviceId}?acknowledged={Uri.EscapeDataString(alertId)}#alerts")
            : (IResult)acknowledged.Result;
    }

    /// <summary>The API's report for a period of the dashboard (week, month or quarter; week by default).</summary>
    private async Task<(ServiceTakeUpReport? Report, ProblemHttpResult? Problem)> ReportAsync(string serviceId, string? period, HttpContext http)
    {
        period = string.IsNullOrEmpty(period) ? "week" : period;
        if (!DashboardModel.Periods.Contains(period))
        {
            return (null, Problems.Invalid([new InputError(0, "period", $"'{period}' is not a period of the dashboard; use week, month or quarter.")], "request"));
        }

        var answer = await GetServiceTakeUp.HandleAsync(serviceId, period, null, null, http.User, catalog, usage, trends, alerts, sessions, supportRequests, waiting, time, http.RequestAborted);
        return answer.Result switch
        {
            Ok<ServiceTakeUpReport> ok => (ok.Value, null),
            ProblemHttpResult refused => (null, refused),
            _ => throw new InvalidOperationException($"GetServiceTakeUp answered {answer.Result.GetType().Name}."),
        };
    }

    private static IResult Csv(string fileName, Action<CsvWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            write(csv);
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", fileName);
    }
}
