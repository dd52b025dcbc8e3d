namespace TakeUp.Functions.Assisted;

/// <summary>Registers and maps the assisted-digital functions: sessions and support requests.</summary>
public static class AssistedSetup
{
    public static IServiceCollection AddAssisted(this IServiceCollection services)
    {
        return services;
    }

    public static RouteGroupBuilder MapAssisted(this RouteGroupBuilder services)
    {
        return services;
    }
}
