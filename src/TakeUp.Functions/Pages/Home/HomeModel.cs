namespace TakeUp.Functions.Pages.Home;

/// <summary>A service the signed-in person may work on.</summary>
public sealed record ServiceLink(string Id, string Name, string DepartmentName);

/// <param name="Services">The services the person's role covers, by name.</param>
public sealed record HomeModel(string Role, IReadOnlyList<ServiceLink> Services);
