using TakeUp.Domain.Assisted;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// Assisted digital help that could not be given at once (a home visit booked, a call-back), from
/// when it was asked for until it was resolved or withdrawn. Like a session, it holds what was
/// needed, never who needed it.
/// </summary>
/// <param name="SessionIds">The sessions that worked on it: logged against it, or linked to it later.</param>
public sealed record SupportRequest(
    Guid Id,
    ServiceId Service,
    SupportRoute Route,
    IReadOnlyList<HelpReason> Reasons,
    InclusionScalePoint? InclusionPoint,
    string? Notes,
    DateTimeOffset OpenedAt,
    SupportRequestStatus Status,
    DateTimeOffset? ClosedAt,
    string? ClosingNotes,
    IReadOnlyList<Guid> SessionIds)
{
    /// <summary>Enough for any real request, and far inside the 64 KiB a table property may hold.</summary>
    public const int MaxSessions = 500;
}

/// <summary>Where a support request stands: open until it is resolved or withdrawn, and then closed for good.</summary>
public sealed class SupportRequestStatus
{
    public static readonly SupportRequestStatus Open = new("open", isClosed: false);
    public static readonly SupportRequestStatus Resolved = new("resolved", isClosed: true);
    public static readonly SupportRequestStatus Withdrawn = new("withdrawn", isClosed: true);

    public static readonly IReadOnlyList<SupportRequestStatus> All = [Open, Resolved, Withdrawn];

    private SupportRequestStatus(string name, bool isClosed)
    {
        Name = name;
        IsClosed = isClosed;
    }

    /// <summary>The canonical spelling, as accepted and returned by the API.</summary>
    public string Name { get; }

    public bool IsClosed { get; }

    /// <summary>Accepts the canonical names only, exactly.</summary>
    public static bool TryParse(string? name, out SupportRequestStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = Open;
        return false;
    }

    public override string ToString() => Name;
}
