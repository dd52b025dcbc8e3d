using System.Security.Claims;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Auth;

/// <summary>
/// Who is calling and what they may touch, read from the authenticated principal. Every scope
/// decision in the app goes through these methods.
/// </summary>
public sealed record Caller(string Id, string Name, string Role, IReadOnlySet<ServiceId> Services, DepartmentId? Department)
{
    public const string ServiceClaim = "takeup:service";
    public const string DepartmentClaim = "takeup:department";

    public static Caller From(ClaimsPrincipal user)
    {
        var services = user.FindAll(ServiceClaim)
            .Select(c => ServiceId.TryParse(c.Value, out var id) ? id : (ServiceId?)null)
            .OfType<ServiceId>()
            .ToHashSet();
        var department = DepartmentId.TryParse(user.FindFirstValue(DepartmentClaim), out var d) ? d : (DepartmentId?)null;
        return new Caller(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
            user.FindFirstValue(ClaimTypes.Name) ?? "anonymous",
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            services,
            department);
    }

    public static ClaimsIdentity ToIdentity(string id, string name, string role, IEnumerable<ServiceId> services, DepartmentId? department, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role),
        };
        claims.AddRange(services.Select(s => new Claim(ServiceClaim, s.Value)));
        if (department is { } dep)
        {
            claims.Add(new Claim(DepartmentClaim, dep.Value));
        }

        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role);
    }

    public bool IsEveryService => Role is Roles.Gds or Roles.Admin;

    /// <summary>Service managers and GDS read a service's figures and records.</summary>
    public bool MayRead(ServiceId service) =>
        Role == Roles.Gds || (Role == Roles.ServiceManager && Services.Contains(service));

    /// <summary>Front-line staff record sessions and support requests for their own services.</summary>
    public bool MayRecordSupportFor(ServiceId service) => Role == Roles.Frontline && Services.Contains(service);

    /// <summary>Ingest keys submit usage for their department's services only.</summary>
    public bool MaySubmitUsageFor(ServiceRecord service) => Role == Roles.Ingest && Department == service.Department;

    /// <summary>Who may see a service's managers and alert routes (addresses and webhook URLs): admins and its own managers.</summary>
    public bool MaySeeContactsOf(ServiceId service) =>
        Role == Roles.Admin || (Role == Roles.ServiceManager && Services.Contains(service));

    /// <summary>Which catalogue entries a caller sees listed.</summary>
    public bool MaySee(ServiceRecord service) => IsEveryService
        || (Roles.IsScopedToServices(Role) && Services.Contains(service.Id))
        || (Role == Roles.Ingest && Department == service.Department);
}
