using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Hosting;

namespace TakeUp.Functions.Assisted;

/// <summary>Registers and maps the assisted-digital functions: sessions and support requests.</summary>
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

    public static RouteGroupBuilder MapAssisted(this RouteGroupBuilder services)
    {
        var sessions = services.MapGroup("{serviceId}/assisted-sessions");
        sessions.MapPost("", LogAssistedSession.HandleAsync)
            .RequireAuthorization(Policies.Frontline)
            .AddEndpointFilter<Idempotency>()
            .AsFunction(nameof(LogAssistedSession));
        sessions.MapPost("import", ImportAssistedSessions.HandleAsync)
            .RequireAuthorization(Policies.Frontline)
            .AddEndpointFilter<Idempotency>()
            .AsFunction(nameof(ImportAssistedSessions));
        sessions.MapGet("", ListAssistedSessions.HandleAsync).RequireAuthorization(Policies.Readers).AsFunction(nameof(ListAssistedSessions));
        sessions.MapGet("{sessionId}", GetAssistedSession.HandleAsync).RequireAuthorization(Policies.Authenticated).AsFunction(nameof(GetAssistedSession));

        var requests = services.MapGroup("{serviceId}/support-requests");
        requests.MapPost("", OpenSupportRequest.HandleAsync)
            .RequireAuthorization(Policies.Frontline)
            .AddEndpointFilter<Idempotency>()
            .AsFunction(nameof(OpenSupportRequest));
        requests.MapPatch("{id}", UpdateSupportRequest.HandleAsync)
            .RequireAuthorization(Policies.Frontline)
            .AddEndpointFilter<Idempotency>()
            .AsFunction(nameof(UpdateSupportRequest));
        requests.MapGet("", ListSupportRequests.HandleAsync).RequireAuthorization(Policies.Readers).AsFunction(nameof(ListSupportRequests));
        requests.MapGet("{id}", GetSupportRequest.HandleAsync).RequireAuthorization(Policies.Authenticated).AsFunction(nameof(GetSupportRequest));
        return services;
    }
}
