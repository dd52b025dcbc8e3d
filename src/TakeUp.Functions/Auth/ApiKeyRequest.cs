using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Auth;

/// <summary>The body of <c>POST api/admin/keys</c>, and the <c>keys create</c> command's options.</summary>
public sealed record ApiKeyRequest(string? Name, string? Role, IReadOnlyList<string>? Services, string? Department)
{
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            errors.Add(new InputError(0, "name", "Say who or what the key is for, in 1 to 100 characters."));
        }

        if (Role is null || !Roles.All.Contains(Role))
        {
            errors.Add(new InputError(0, "role", $"'{Role}' is not a role; use one of: {string.Join(", ", Roles.All)}."));
            return errors;
        }

        var services = Services ?? [];
        foreach (var service in services.Where(s => !ServiceId.TryParse(s, out _)))
        {
            errors.Add(new InputError(0, "services", ServiceId.Rule(service)));
        }

        if (Roles.IsScopedToServices(Role) && services.Count == 0)
        {
            errors.Add(new InputError(0, "services", $"A {Role} key needs the services it may act for."));
        }

        if (!Roles.IsScopedToServices(Role) && services.Count > 0)
        {
            errors.Add(new InputError(0, "services", $"A {Role} key is not scoped to services; leave services out."));
        }

        if (Roles.IsScopedToDepartment(Role) && !DepartmentId.TryParse(Department, out _))
        {
            errors.Add(new InputError(0, "department", $"An ingest key needs its department: {DepartmentId.Rule(Department)}"));
        }

        if (!Roles.IsScopedToDepartment(Role) && Department is not null)
        {
            errors.Add(new InputError(0, "department", $"A {Role} key is not scoped to a department; leave department out."));
        }

        return errors;
    }

    /// <summary>
    /// A key may only act for what exists: every service must be in the catalogue, and a
    /// department must have a catalogued service (a key for a misspelt one would work for nothing
    /// until someone catalogued a service under that name).
    /// </summary>
    public IReadOnlyList<InputError> CheckCatalogue(IReadOnlyDictionary<ServiceId, ServiceRecord> catalogue)
    {
        var errors = new List<InputError>();
        foreach (var service in (Services ?? []).Where(s => ServiceId.TryParse(s, out var id) && !catalogue.ContainsKey(id)))
        {
            errors.Add(new InputError(0, "services", $"'{service}' is not in the services catalogue; add it first (PUT api/services/{service}) or check the id (GET api/services)."));
        }

        if (DepartmentId.TryParse(Department, out var department) && !catalogue.Values.Any(s => s.Department == department))
        {
            var known = catalogue.Values.Select(s => s.Department.Value).Distinct().Order(StringComparer.Ordinal).ToList();
            errors.Add(new InputError(0, "department",
                $"No catalogued service belongs to the department '{Department}'; " +
                (known.Count == 0 ? "the catalogue is empty: add its services first." : $"use one of: {string.Join(", ", known)}, or add its services first.")));
        }

        return errors;
    }
}
