using TakeUp.Functions.Alerts;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Health;
using TakeUp.Functions.Http;
using TakeUp.Functions.Pages;
using TakeUp.Functions.Retention;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.TakeUp;
using TakeUp.Functions.Trends;
using TakeUp.Functions.Usage;
using TakeUp.Hosting;

namespace TakeUp.Functions.Startup;

/// <summary>
/// Every function of the app, declared once: its name, its trigger, who may call it, its handler.
/// Which services a caller may touch is checked in the handler, through <see cref="Caller"/>.
/// </summary>
public static class AppEndpoints
{
    public static WebApplication MapTakeUp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(MarkRequestPath);
        Idempotency.UseIdempotencyBuffering(app);
        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("api");
        api.MapGet("health", GetHealth.HandleAsync).AsFunction("Health");
        app.MapOpenApi("/api/openapi.json").AsFunction("OpenApi");

        var usage = api.MapGroup("usage");
        usage.MapPost("", SubmitUsage.HandleAsync)
            .RequireAuthorization(Policies.Ingest)
            .AddEndpointFilter<Idempotency>()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubmitUsage.MaxBodyBytes))
            .AsFunction(nameof(SubmitUsage));
        usage.MapGet("receipts/{id}", GetUsageReceipt.HandleAsync).RequireAuthorization(Policies.Receipts).AsFunction(nameof(GetUsageReceipt));

        api.MapGet("take-up", QueryTakeUp.HandleAsync).RequireAuthorization(Policies.Gds).AsFunction(nameof(QueryTakeUp));

        var services = api.MapGroup("services");
        services.MapGet("", ListServices.HandleAsync).RequireAuthorization(Policies.Authenticated).AsFunction(nameof(ListServices));
        services.MapGet("{serviceId}", GetService.HandleAsync).RequireAuthorization(Policies.Authenticated).AsFunction(nameof(GetService));
        services.MapPut("{serviceId}", PutService.HandleAsync).RequireAuthorization(Policies.Admin).AsFunction(nameof(PutService));
        services.MapGet("{serviceId}/take-up", GetServiceTakeUp.HandleAsync).RequireAuthorization(Policies.Readers).AsFunction(nameof(GetServiceTakeUp));
        services.MapGet("{serviceId}/usage/revisions", ListUsageRevisions.HandleAsync).RequireAuthorization(Policies.Readers).AsFunction(nameof(ListUsageRevisions));
        services.MapAssisted();

        var keys = api.MapGroup("admin/keys").RequireAuthorization(Policies.Admin);
        keys.MapPost("", CreateApiKey.HandleAsync).AsFunction(nameof(CreateApiKey));
        keys.MapGet("", ListApiKeys.HandleAsync).AsFunction(nameof(ListApiKeys));
        keys.MapDelete("{id}", RevokeApiKey.HandleAsync).AsFunction(nameof(RevokeApiKey));

        app.MapAlerts(api);
        app.MapTrends();
        app.MapQueueFunction<ApplyUsageBatch, UsageBatchMessage>(QueueNames.UsageBatches);
        app.MapTimerFunction<PurgeExpiredRecords>(PurgeExpiredRecords.Schedule);

        app.MapGet("/", HomePage.Handle).ExcludeFromDescription();
        app.MapFunctionsHost();
        return app;
    }

    /// <summary>
    /// An HTTP function's storage calls retry briefly (someone is waiting); the host's queue and
    /// timer invocations, which also arrive over HTTP, keep the background path's longer retries.
    /// </summary>
    private static Task MarkRequestPath(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.IsHttpFunction() == true)
        {
            StorageCallPath.EnterRequest();
        }

        return next(context);
    }
}
