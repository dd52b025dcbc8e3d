using TakeUp.Domain.Assisted;
using TakeUp.Functions.Pages.Home;

namespace TakeUp.Functions.Pages.Sessions;

public sealed record RecentSession(ServiceLink Service, AssistedSession Session);

/// <param name="StaffReference">Whose sessions these are; null when this device does not know yet.</param>
public sealed record RecentSessionsModel(string? StaffReference, int Days, IReadOnlyList<RecentSession> Sessions);
