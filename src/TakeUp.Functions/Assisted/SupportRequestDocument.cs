namespace TakeUp.Functions.Assisted;

/// <summary>
/// A support request as the API returns it, with how long it has waited: <see cref="WaitingWorkingDays"/>
/// from opening to closing (or to today while open), null with <see cref="WaitingNote"/> saying why
/// when the bank holidays of a year involved are not known.
/// </summary>
public sealed record SupportRequestDocument(
    Guid Id,
    string Service,
    string Route,
    IReadOnlyList<string> Reasons,
    int? InclusionPoint,
    string? Notes,
    DateTimeOffset OpenedAt,
    string Status,
    DateTimeOffset? ClosedAt,
    string? ClosingNotes,
    IReadOnlyList<Guid> SessionIds,
    int? WaitingWorkingDays,
    string? WaitingNote)
{
    public static SupportRequestDocument From(SupportRequest request, SupportWaiting waiting, DateTimeOffset now)
    {
        var waited = waiting.Measure(request, now);
        return new SupportRequestDocument(
            request.Id,
            request.Service.Value,
            request.Route.Name,
            request.Reasons.Select(r => r.Name).ToList(),
            request.InclusionPoint?.Value,
            request.Notes,
            request.OpenedAt,
            request.Status.Name,
            request.ClosedAt,
            request.ClosingNotes,
            request.SessionIds,
            waited.WorkingDays,
            waited.Note);
    }
}

/// <summary>The answer of <c>GET api/services/{serviceId}/support-requests</c>.</summary>
/// <param name="Continuation">Pass it back as <c>?continuation=</c> for the next page; null on the last.</param>
public sealed record SupportRequestList(IReadOnlyList<SupportRequestDocument> Requests, string? Continuation);
