using TakeUp.Functions.Pages.Components;
using TakeUp.Functions.TakeUp;

namespace TakeUp.Functions.Pages.CrossGov;

/// <summary>What the cross-government view was asked for, as its query says it.</summary>
public sealed record CrossGovQuery(string Period, string At, string? Department, string Sort, string Order)
{
    public static readonly IReadOnlyList<string> Periods = ["week", "month", "quarter"];

    public static readonly IReadOnlyList<Choice> Sorts =
    [
        new("service", "Service"), new("department", "Department"), new("transactions", "Transactions"),
        new("digital-take-up", "Digital take-up"), new("independent-digital-take-up", "Independent digital take-up"),
    ];

    /// <summary>This query as a query string, with one value changed.</summary>
    public string With(string? period = null, string? sort = null, string? order = null, string? at = null) =>
        $"?period={period ?? Period}&at={at ?? At}{(Department is null ? "" : "&department=" + Uri.EscapeDataString(Department))}&sort={sort ?? Sort}&order={order ?? Order}";
}

/// <param name="PeriodChoices">The periods that can be shown, newest first (value: a date in it).</param>
/// <param name="Services">One line per service for the period, sorted as asked.</param>
/// <param name="Departments">One line per department, summed from the same counts.</param>
/// <param name="Government">All of government in the filter.</param>
public sealed record CrossGovModel(
    CrossGovQuery Query,
    string PeriodLabel,
    IReadOnlyList<Choice> PeriodChoices,
    IReadOnlyList<Choice> DepartmentChoices,
    IReadOnlyList<CrossGovLine> Services,
    IReadOnlyList<CrossGovLine> Departments,
    CrossGovLine? Government,
    FormErrors Errors);
