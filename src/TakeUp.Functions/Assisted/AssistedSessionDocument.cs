using TakeUp.Domain.Assisted;

namespace TakeUp.Functions.Assisted;

/// <summary>An assisted session as the API returns it: vocabularies by their canonical names.</summary>
public sealed record AssistedSessionDocument(
    Guid Id,
    string Service,
    DateTimeOffset When,
    string Route,
    string HelpType,
    string Provider,
    string? Site,
    string StaffReference,
    int? InclusionPoint,
    IReadOnlyList<string> Reasons,
    int DurationMinutes,
    string Outcome,
    bool ShowedHowToDoItAlone,
    string WouldTryAlone,
    string? Notes,
    Guid? SupportRequestId)
{
    public static AssistedSessionDocument From(AssistedSession session) => new(
        session.Id,
        session.Service.Value,
        session.When,
        session.Route.Name,
        session.HelpType.Name,
        session.Provider,
        session.Site,
        session.StaffReference,
        session.InclusionPoint?.Value,
        session.Reasons.Select(r => r.Name).ToList(),
        session.DurationMinutes,
        session.Outcome.Name,
        session.ShowedHowToDoItAlone,
        session.WouldTryAlone.Name,
        session.Notes,
        session.SupportRequestId);
}

/// <summary>A page of <c>GET api/services/{serviceId}/assisted-sessions</c>.</summary>
public sealed record AssistedSessionList(IReadOnlyList<AssistedSessionDocument> Sessions, string? Continuation);

/// <summary>The answer to an import: how many sessions were recorded, and their ids in file order.</summary>
public sealed record AssistedSessionImport(int Imported, IReadOnlyList<Guid> Sessions);
