using TakeUp.Domain.Assisted;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Pages.Components;
using TakeUp.Functions.Pages.Rendering;
using F = TakeUp.Domain.Assisted.AssistedSessionInput.Fields;

namespace TakeUp.Functions.Pages.Sessions;

/// <summary>
/// The "log an assisted session" form's answers, as typed, so a refused form comes back with them
/// kept. The names are the API's field names, so the validator's errors land by their fields.
/// </summary>
public sealed record SessionForm
{
    /// <summary>The fields in the order the page shows them (the error summary follows it).</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        F.When, F.Route, F.HelpType, F.InclusionPoint, F.Reasons, F.Outcome, F.ShowedHowToDoItAlone, F.WouldTryAlone,
        F.DurationMinutes, F.StaffReference, F.Provider, F.Site, F.Notes, F.SupportRequestId,
    ];

    public string? When { get; init; }
    public string? Route { get; init; }
    public string? HelpType { get; init; }
    public string? InclusionPoint { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public string? Outcome { get; init; }
    public string? ShowedHowToDoItAlone { get; init; }
    public string? WouldTryAlone { get; init; }
    public string? DurationMinutes { get; init; }
    public string? StaffReference { get; init; }
    public string? Provider { get; init; }
    public string? Site { get; init; }
    public string? Notes { get; init; }
    public string? SupportRequestId { get; init; }

    public static SessionForm From(IFormCollection form) => new()
    {
        When = form.Text(F.When),
        Route = form.Text(F.Route),
        HelpType = form.Text(F.HelpType),
        InclusionPoint = form.Text(F.InclusionPoint),
        Reasons = form.All(F.Reasons),
        Outcome = form.Text(F.Outcome),
        ShowedHowToDoItAlone = form.Text(F.ShowedHowToDoItAlone),
        WouldTryAlone = form.Text(F.WouldTryAlone),
        DurationMinutes = form.Text(F.DurationMinutes),
        StaffReference = form.Text(F.StaffReference),
        Provider = form.Text(F.Provider),
        Site = form.Text(F.Site),
        Notes = form.Text(F.Notes),
        SupportRequestId = form.Text(F.SupportRequestId),
    };

    /// <summary>The same body the API takes; a date typed with a space instead of the T is read the same.</summary>
    public AssistedSessionBody ToBody() => new()
    {
        When = When?.Trim().Replace(' ', 'T'),
        Route = Route,
        HelpType = HelpType,
        InclusionPoint = InclusionPoint,
        Reasons = Reasons,
        Outcome = Outcome,
        ShowedHowToDoItAlone = ShowedHowToDoItAlone,
        WouldTryAlone = WouldTryAlone,
        DurationMinutes = DurationMinutes?.Trim(),
        StaffReference = StaffReference?.Trim(),
        Provider = Provider?.Trim(),
        Site = Site,
        Notes = Notes,
        SupportRequestId = SupportRequestId?.Trim(),
    };

    /// <summary>The page's wording for a field left empty, or null to show the validator's reason.</summary>
    public string? WhenEmpty(string field) => Empty(field) && Required.TryGetValue(field, out var message) ? message : null;

    private static readonly Dictionary<string, string> Required = new()
    {
        [F.When] = "Enter when the session started",
        [F.Route] = "Select how you gave the help",
        [F.HelpType] = "Select what kind of help you gave",
        [F.Reasons] = "Select at least one reason they needed help",
        [F.Outcome] = "Select what happened",
        [F.ShowedHowToDoItAlone] = "Select yes if you showed them how to do it on their own",
        [F.WouldTryAlone] = "Select whether they would try on their own next time",
        [F.DurationMinutes] = "Enter how long the session took, in minutes",
        [F.StaffReference] = "Enter your staff reference",
        [F.Provider] = "Enter who gave the help",
    };

    private bool Empty(string field) => field switch
    {
        F.When => When is null,
        F.Route => Route is null,
        F.HelpType => HelpType is null,
        F.Reasons => Reasons.Count == 0,
        F.Outcome => Outcome is null,
        F.ShowedHowToDoItAlone => ShowedHowToDoItAlone is null,
        F.WouldTryAlone => WouldTryAlone is null,
        F.DurationMinutes => DurationMinutes is null,
        F.StaffReference => StaffReference is null,
        F.Provider => Provider is null,
        _ => false,
    };

    public static IReadOnlyList<Choice> Routes { get; } = SupportRoute.All.Select(r => new Choice(r.Name, r.Label)).ToList();
    public static IReadOnlyList<Choice> HelpTypes { get; } = global::TakeUp.Domain.Assisted.HelpType.All.Select(h => new Choice(h.Name, h.Label)).ToList();
    public static IReadOnlyList<Choice> InclusionPoints { get; } =
        InclusionScalePoint.All.Select(p => new Choice(p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{p.Value}. {p.Name}", p.Description)).ToList();
    public static IReadOnlyList<Choice> ReasonChoices { get; } = HelpReason.All.Select(r => new Choice(r.Name, r.Label)).ToList();
    public static IReadOnlyList<Choice> Outcomes { get; } = SessionOutcome.All.Select(o => new Choice(o.Name, o.Label)).ToList();
    public static IReadOnlyList<Choice> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];
    public static IReadOnlyList<Choice> TryAlone { get; } = TryAloneNextTime.All.Select(a => new Choice(a.Name, a.Label)).ToList();
}
