using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.TakeUp;

/// <summary>One line of the cross-government table: a period and a service, a department, or all of government.</summary>
public sealed record CrossGovLine(
    string Period,
    DateOnly Start,
    DateOnly End,
    string? Department,
    string? DepartmentName,
    string? Service,
    string? ServiceName,
    long Transactions,
    long Digital,
    long AssistedDigital,
    MeasureValue DigitalTakeUp,
    MeasureValue IndependentDigitalTakeUp,
    MeasureValue AssistedDigitalShare);

public sealed record CrossGovReport(string Period, DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<CrossGovLine> Rows, IReadOnlyList<MethodValue> Methods);

/// <summary>
/// <c>GET api/take-up?period&amp;from&amp;to&amp;department&amp;service&amp;groupBy&amp;format</c> (GDS): take-up
/// across government on one method, from the figures the nightly computation stores. Every
/// catalogued service in the filter appears in every period (zero where it has no data), and
/// departments and government are summed from the same counts, never averaged.
/// </summary>
public sealed class QueryTakeUp(ServiceCatalog catalog, CrossGovStore crossGov, TimeProvider time)
{
    public const int MaxPeriods = 160;

    [Function(nameof(QueryTakeUp))]
    [QueryParameters("period", "from", "to", "department", "service", "groupBy", "format")]
    [Authorize(Policy = Policies.Gds)]
    public Task<Results<Ok<CrossGovReport>, ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/take-up")] HttpRequest request) =>
        HandleAsync(request.Query, catalog, crossGov, time, request.HttpContext.RequestAborted);

    /// <summary>The query's answer; the cross-government page asks through here too, with the same parameters.</summary>
    public static async Task<Results<Ok<CrossGovReport>, ContentHttpResult, ProblemHttpResult>> HandleAsync(
        IQueryCollection query, ServiceCatalog catalog, CrossGovStore crossGov, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var periodText = query["period"].ToString() is { Length: > 0 } p ? p : "month";
        if (!Period.TryParseKind(periodText, out var kind) || kind == PeriodKind.Day)
        {
            errors.Add(new InputError(0, "period", $"'{periodText}' is not a period here; use week, month or quarter."));
        }

        var groupBy = query["groupBy"].ToString() is { Length: > 0 } g ? g : "service";
        if (groupBy is not ("service" or "department" or "period"))
        {
            errors.Add(new InputError(0, "groupBy", $"'{groupBy}' is not a grouping; use service, department or period."));
        }

        var format = query["format"].ToString() is { Length: > 0 } f ? f : "json";
        if (format is not ("json" or "csv"))
        {
            errors.Add(new InputError(0, "format", $"'{format}' is not a format; use json or csv."));
        }

        var departments = List(query["department"]);
        foreach (var d in departments.Where(d => !DepartmentId.TryParse(d, out _)))
        {
            errors.Add(new InputError(0, "department", DepartmentId.Rule(d)));
        }

        var services = List(query["service"]);
        foreach (var s in services.Where(s => !ServiceId.TryParse(s, out _)))
        {
            errors.Add(new InputError(0, "service", ServiceId.Rule(s)));
        }

        var today = UkTime.DateOf(time.GetUtcNow());
        var to = QueryDates.Parse(query["to"].ToString() is { Length: > 0 } t ? t : null, "to", errors) ?? today;
        var from = QueryDates.Parse(query["from"].ToString() is { Length: > 0 } fr ? fr : null, "from", errors) ?? to.AddMonths(-11);
        QueryDates.CheckRange(from, to, errors);
        var periods = errors.Count == 0 ? Period.Covering(kind, new DateRange(from, to)).ToList() : [];
        if (periods.Count > MaxPeriods)
        {
            errors.Add(new InputError(0, "from", $"That is {periods.Count} periods; ask for at most {MaxPeriods} at a time."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "query");
        }

        var catalogue = (await catalog.GetAllAsync(cancellationToken)).Values
            .Where(s => departments.Count == 0 || departments.Contains(s.Department.Value))
            .Where(s => services.Count == 0 || services.Contains(s.Id.Value))
            .ToDictionary(s => s.Id.Value);
        var stored = (await crossGov.ReadAsync(periods, cancellationToken))
            .Where(r => catalogue.ContainsKey(r.Service))
            .ToLookup(r => (r.Period, r.Service));

        var lines = new List<CrossGovLine>();
        foreach (var period in periods)
        {
            var perService = catalogue.Values
                .Select(s => (Service: s, Counts: stored[(period, s.Id.Value)].Select(r => r.Counts).FirstOrDefault() ?? ChannelCounts.Empty))
                .ToList();
            IEnumerable<(string? Department, string? DepartmentName, string? Service, string? ServiceName, ChannelCounts Counts)> groups = groupBy switch
            {
                "service" => perService.Select(x => ((string?)x.Service.Department.Value, (string?)x.Service.DepartmentName, (string?)x.Service.Id.Value, (string?)x.Service.Name, x.Counts)),
                "department" => perService.GroupBy(x => x.Service.Department).Select(d =>
                    ((string?)d.Key.Value, (string?)d.First().Service.DepartmentName, (string?)null, (string?)null, d.Aggregate(ChannelCounts.Empty, (sum, x) => sum.Add(x.Counts)))),
                _ => [(null, null, null, null, perService.Aggregate(ChannelCounts.Empty, (sum, x) => sum.Add(x.Counts)))],
            };
            foreach (var (department, departmentName, service, serviceName, counts) in groups.OrderBy(x => x.Department, StringComparer.Ordinal).ThenBy(x => x.Service, StringComparer.Ordinal))
            {
                var value = TakeUpPeriodValue.From(period.Label, period.Start, period.End, counts);
                lines.Add(new CrossGovLine(period.Label, period.Start, period.End, department, departmentName, service, serviceName,
                    value.Transactions, value.Digital, value.AssistedDigital, value.DigitalTakeUp, value.IndependentDigitalTakeUp, value.AssistedDigitalShare));
            }
        }

        var report = new CrossGovReport(Period.KindName(kind), periods[0].Start, periods[^1].End, groupBy, lines, MethodValue.All);
        return format == "csv" ? TypedResults.Text(ToCsv(report), "text/csv", Encoding.UTF8) : TypedResults.Ok(report);
    }

    private static List<string> List(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();

    private static string ToCsv(CrossGovReport report)
    {
        var csv = new StringBuilder("period,start,end,department,service,transactions,digital,assisted_digital,digital_take_up,independent_digital_take_up,assisted_digital_share,method,method_version\n");
        foreach (var l in report.Rows)
        {
            csv.AppendLine(string.Join(',',
                l.Period, Date(l.Start), Date(l.End), l.Department ?? "", l.Service ?? "",
                Number(l.Transactions), Number(l.Digital), Number(l.AssistedDigital),
                Share(l.DigitalTakeUp.Value), Share(l.IndependentDigitalTakeUp.Value), Share(l.AssistedDigitalShare.Value),
                l.DigitalTakeUp.Method, l.DigitalTakeUp.Version));
        }

        return csv.ToString();

        static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
        static string Share(double? v) => v?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
    }
}
