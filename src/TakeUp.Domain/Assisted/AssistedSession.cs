using TakeUp.Domain.Services;

namespace TakeUp.Domain.Assisted;

/// <summary>
/// One logged assisted digital session: what a member of staff did to help someone use a digital
/// service. It records what was done, never who was helped (design invariant 4): there is no field
/// for the person, and the free-text fields are checked for personal data before a session exists.
/// Build one through <see cref="AssistedSessionValidator"/>; the constructor is for storage mappers
/// re-reading sessions that were validated when they were logged.
/// </summary>
/// <param name="Id">Chosen by the caller of the validator (see <see cref="AssistedSessionValidator.Validate"/>).</param>
/// <param name="When">When the session took place, with the offset it was given or London's at that time.</param>
/// <param name="Provider">Who gave the help: the department or a partner organisation, as a short id ("dwp", "citizens-advice").</param>
/// <param name="Site">Where, in words ("Leeds Jobcentre"), or null.</param>
/// <param name="StaffReference">The pseudonymous reference of the member of staff, never their name or e-mail address.</param>
/// <param name="InclusionPoint">Where the person placed themselves on the digital inclusion scale, if asked.</param>
/// <param name="Reasons">Why they needed help: at least one, each once.</param>
/// <param name="ShowedHowToDoItAlone">Whether staff showed them how to do it on their own next time.</param>
/// <param name="WouldTryAlone">Their own answer to whether they would try on their own next time.</param>
/// <param name="SupportRequestId">The support request this session worked on, if any.</param>
public sealed record AssistedSession(
    Guid Id,
    ServiceId Service,
    DateTimeOffset When,
    SupportRoute Route,
    HelpType HelpType,
    string Provider,
    string? Site,
    string StaffReference,
    InclusionScalePoint? InclusionPoint,
    IReadOnlyList<HelpReason> Reasons,
    int DurationMinutes,
    SessionOutcome Outcome,
    bool ShowedHowToDoItAlone,
    TryAloneNextTime WouldTryAlone,
    string? Notes,
    Guid? SupportRequestId);
