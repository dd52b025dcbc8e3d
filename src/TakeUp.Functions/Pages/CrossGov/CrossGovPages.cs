using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Primitives;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.Pages.Components;
using TakeUp.Functions.Pages.Rendering;
using TakeUp.Functions.Services;
using TakeUp.Functions.TakeUp;

namespace TakeUp.Functions.Pages.CrossGov;

/// <summary>
/// <c>GET take-up</c> (GDS): every service and department for one week, month or quarter on both
/// measures, filtered by department and sorted by any column, through to each service's dashboard;
/// <c>GET take-up.csv</c> the same table as CSV. The figures are <c>GET api/take-up</c>'s: the page
/// asks it with the same parameters.
/// </summary>
public sealed class CrossGovPages(PageRenderer pages, ServiceCatalog catalog, CrossGovStore crossGov, TimeProvider time)
{
    private const int PeriodsOffered = 12;

    [Function("CrossGovPage")]
    [Authorize(Policy = Policies.Gds)]
    [Page]
    [QueryParameters("period", "at", "department", "sort", "order")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "take-up")] HttpRequest request)
    {
        var http = request.HttpContext;
        var (query, kind, period, problem) = await ReadAsync(request);
        if (problem is not null)
        {
            return problem;
        }

        var services = await LinesAsync(query!, period, "service", http.RequestAborted);
        var departments = await LinesAsync(query!, period, "department", http.RequestAborted);
        var government = (await LinesAsync(query!, period, "period", http.RequestAborted)).FirstOrDefault();

        var today = UkTime.DateOf(time.GetUtcNow());
        var choices = new List<Choice>();
        for (var p = Period.Containing(kind, today); choices.Count < PeriodsOffered; p = Period.Containing(kind, p.Start.AddDays(-1)))
        {
            choices.Add(new Choice(Date(p.Start), $"{p.Label} ({PageFormat.Day(p.Start)} to {PageFormat.Day(p.End)})"));
        }

        if (!choices.Exists(c => c.Value == query!.At))
        {
            choices.Add(new Choice(query!.At, $"{period.Label} ({PageFormat.Day(period.Start)} to {PageFormat.Day(period.End)})"));
        }

        var departmentChoices = new List<Choice> { new("", "All departments") };
        departmentChoices.AddRange((await catalog.GetAllAsync(http.RequestAborted)).Values
            .GroupBy(s => s.Department).Select(d => new Choice(d.Key.Value, d.First().DepartmentName)).OrderBy(c => c.Label, StringComparer.CurrentCulture));

        var model = new CrossGovModel(query!, $"{Capital(query!.Period)} {period.Label}: {PageFormat.Day(period.Start)} to {PageFormat.Day(period.End)}",
            choices, departmentChoices, Sorted(services, query.Sort, query.Order), departments, government, new FormErrors());
        return await pages.RenderAsync<CrossGovView, CrossGovModel>(http, model);
    }

    [Function("CrossGovCsv")]
    [Authorize(Policy = Policies.Gds)]
    [Page]
    [QueryParameters("period", "at", "department", "sort", "order")]
    public async Task<IResult> CsvAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "take-up.csv")] HttpRequest request)
    {
        var (query, _, period, problem) = await ReadAsync(request);
        if (problem is not null)
        {
            return problem;
        }

        var answer = await QueryTakeUp.HandleAsync(Parameters(query!, period, "service", "csv"), catalog, crossGov, time, request.HttpContext.RequestAborted);
        return answer.Result is ContentHttpResult { ResponseContent: { } csv }
            ? Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"take-up-{query!.Period}-{period.Label}{(query.Department is null ? "" : "-" + query.Department)}.csv")
            : (IResult)answer.Result;
    }

    private async Task<(CrossGovQuery? Query, PeriodKind Kind, Period Period, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request)
    {
        var q = request.Query;
        var errors = new List<InputError>();
        var periodName = q["period"].FirstOrDefault() is { Length: > 0 } p ? p : "month";
        if (!CrossGovQuery.Periods.Contains(periodName) || !Period.TryParseKind(periodName, out var kind))
        {
            errors.Add(new InputError(0, "period", $"'{periodName}' is not a period here; use week, month or quarter."));
            kind = PeriodKind.Month;
        }

        var today = UkTime.DateOf(time.GetUtcNow());
        var latestComplete = Period.Containing(kind, Period.Containing(kind, today).Start.AddDays(-1));
        var at = QueryDates.Parse(q["at"].FirstOrDefault() is { Length: > 0 } a ? a : null, "at", errors) ?? latestComplete.Start;
        var department = q["department"].FirstOrDefault() is { Length: > 0 } d ? d : null;
        if (department is not null && !(await catalog.GetAllAsync(request.HttpContext.RequestAborted)).Values.Any(s => s.Department.Value == department))
        {
            errors.Add(new InputError(0, "department", $"No catalogued service belongs to a department '{Quote(department)}'; choose one from the list."));
        }

        var sort = q["sort"].FirstOrDefault() is { Length: > 0 } s ? s : "service";
        if (!CrossGovQuery.Sorts.Any(c => c.Value == sort))
        {
            errors.Add(new InputError(0, "sort", $"'{Quote(sort)}' is not a column to sort by; use {string.Join(", ", CrossGovQuery.Sorts.Select(c => c.Value))}."));
        }

        var order = q["order"].FirstOrDefault() is { Length: > 0 } o ? o : "asc";
        if (order is not ("asc" or "desc"))
        {
            errors.Add(new InputError(0, "order", $"'{Quote(order)}' is not an order; use asc or desc."));
        }

        if (errors.Count > 0)
        {
            return (null, kind, default, Problems.Invalid(errors, "request"));
        }

        var period = Period.Containing(kind, at);
        return (new CrossGovQuery(periodName, Date(period.Start), department, sort, order), kind, period, null);
    }

    private async Task<IReadOnlyList<CrossGovLine>> LinesAsync(CrossGovQuery query, Period period, string groupBy, CancellationToken cancellationToken)
    {
        var answer = await QueryTakeUp.HandleAsync(Parameters(query, period, groupBy, "json"), catalog, crossGov, time, cancellationToken);
        return answer.Result is Ok<CrossGovReport> { Value: { } report }
            ? report.Rows
            : throw new InvalidOperationException($"QueryTakeUp refused the page's own query ({answer.Result.GetType().Name}).");
    }

    private static QueryCollection Parameters(CrossGovQuery query, Period period, string groupBy, string format)
    {
        var values = new Dictionary<string, StringValues>
        {
            ["period"] = query.Period,
            ["from"] = Date(period.Start),
            ["to"] = Date(period.End),
            ["groupBy"] = groupBy,
            ["format"] = format,
        };
        if (query.Department is { } department)
        {
            values["department"] = department;
        }

        return new QueryCollection(values);
    }

    private static IReadOnlyList<CrossGovLine> Sorted(IReadOnlyList<CrossGovLine> lines, string sort, string order)
    {
        IOrderedEnumerable<CrossGovLine> sorted = sort switch
        {
            "department" => lines.OrderBy(l => l.DepartmentName, StringComparer.CurrentCulture),
            "transactions" => lines.OrderBy(l => l.Transactions),
            "digital-take-up" => lines.OrderBy(l => l.DigitalTakeUp.Value ?? -1),
            "independent-digital-take-up" => lines.OrderBy(l => l.IndependentDigitalTakeUp.Value ?? -1),
            _ => lines.OrderBy(l => l.ServiceName, StringComparer.CurrentCulture),
        };
        var ordered = sorted.ThenBy(l => l.ServiceName, StringComparer.CurrentCulture).ToList();
        if (order == "desc")
        {
            ordered.Reverse();
        }

        return ordered;
    }

    private static string Quote(string text) => Assisted.SafeText.Quote(text);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
