using TakeUp.Functions.Assisted;
using TakeUp.Functions.Pages.Components;
using TakeUp.Functions.Pages.Home;
using TakeUp.Functions.Pages.Rendering;

namespace TakeUp.Functions.Pages.SupportRequests;

/// <summary>A request as the pages show it, with how long it has waited.</summary>
public sealed record SupportRequestRow(SupportRequest Request, WaitingTime Waiting);

public sealed record SupportRequestListModel(ServiceLink Service, IReadOnlyList<SupportRequestRow> Open, bool MayRecord);

/// <summary>The "open a support request" form's answers, as typed.</summary>
public sealed record OpenRequestForm(string? Route, IReadOnlyList<string> Reasons, string? InclusionPoint, string? Notes)
{
    public static readonly IReadOnlyList<string> FieldOrder = ["route", "reasons", "inclusionPoint", "notes"];

    public static OpenRequestForm Empty { get; } = new(null, [], null, null);

    public static OpenRequestForm From(IFormCollection form) =>
        new(form.Text("route"), form.All("reasons"), form.Text("inclusionPoint"), form.Text("notes"));

    public OpenSupportRequestBody ToBody() => new() { Route = Route, Reasons = Reasons, InclusionPoint = InclusionPoint, Notes = Notes };
}

public sealed record OpenRequestModel(ServiceLink Service, OpenRequestForm Form, FormErrors Errors);

/// <summary>The "close this request" form's answers.</summary>
public sealed record CloseRequestForm(string? Status, string? Notes)
{
    public static readonly IReadOnlyList<string> FieldOrder = ["status", "notes"];

    public static CloseRequestForm Empty { get; } = new(null, null);

    public static CloseRequestForm From(IFormCollection form) => new(form.Text("status"), form.Text("notes"));

    public UpdateSupportRequestBody ToBody() => new() { Status = Status, Notes = Notes };
}

public sealed record SupportRequestModel(ServiceLink Service, SupportRequestRow Row, CloseRequestForm Form, FormErrors Errors, bool MayRecord, bool JustChanged);
