namespace TakeUp.Functions.Assisted;

/// <summary>Registers the services of the assisted-digital functions: sessions and support requests.</summary>
/// <remarks>
/// Policies let only the right roles in; which services a caller may touch is decided in each
/// handler through <see cref="AssistedAccess"/>. Reading one session or request is open to any
/// authenticated caller at the policy level because front-line staff of the service may read what
/// they recorded as well as readers; the handler refuses everyone else.
/// </remarks>
public static class AssistedSetup
{
    public static IServiceCollection AddAssisted(this IServiceCollection services)
    {
        services.AddSingleton<AssistedSessionStore>();
        services.AddSingleton<SupportRequestStore>();

        // Read once, when first needed, from the copy shipped beside the app.
        services.AddSingleton(_ => SupportWaiting.Load(SupportWaiting.BankHolidaysPath));
        return services;
    }
}
