namespace TakeUp.Functions.Auth;

/// <summary>The five roles of design invariant 7.</summary>
public static class Roles
{
    /// <summary>Logs assisted sessions and support requests for the services it is scoped to.</summary>
    public const string Frontline = "frontline";

    /// <summary>Reads the services it is scoped to: take-up, sessions, revisions, alerts.</summary>
    public const string ServiceManager = "service-manager";

    /// <summary>Reads everything, across government.</summary>
    public const string Gds = "gds";

    /// <summary>Manages the catalogue and API keys.</summary>
    public const string Admin = "admin";

    /// <summary>A department's feed: submits usage for that department's services only.</summary>
    public const string Ingest = "ingest";

    public static readonly IReadOnlyList<string> All = [Frontline, ServiceManager, Gds, Admin, Ingest];

    public static bool IsScopedToServices(string role) => role is Frontline or ServiceManager;

    public static bool IsScopedToDepartment(string role) => role is Ingest;

    /// <summary>The role as people call it, for pages.</summary>
    public static string PeopleName(string role) => role switch
    {
        Frontline => "front-line staff",
        ServiceManager => "service manager",
        Gds => "GDS",
        Admin => "administrator",
        Ingest => "data feed",
        _ => role,
    };
}
