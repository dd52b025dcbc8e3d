using TakeUp.Functions.Health;
using TakeUp.Functions.Pages;
using TakeUp.Functions.Storage;
using TakeUp.Functions.TakeUp;
using TakeUp.Functions.Usage;
using TakeUp.Hosting;

namespace TakeUp.Functions.Startup;

/// <summary>Every function of the app, declared once: its name, its trigger, its handler.</summary>
public static class AppEndpoints
{
    public static WebApplication MapTakeUp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var api = app.MapGroup("api");

        api.MapGet("health", GetHealth.HandleAsync).AsFunction("Health");
        app.MapOpenApi("/api/openapi.json").AsFunction("OpenApi");

        api.MapPost("usage", SubmitUsage.HandleAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubmitUsage.MaxBodyBytes))
            .AsFunction(nameof(SubmitUsage));
        api.MapGet("usage/receipts/{id}", GetUsageReceipt.HandleAsync).AsFunction(nameof(GetUsageReceipt));
        api.MapGet("services/{serviceId}/take-up", GetServiceTakeUp.HandleAsync).AsFunction(nameof(GetServiceTakeUp));

        app.MapQueueFunction<ApplyUsageBatch, UsageBatchMessage>(QueueNames.UsageBatches);

        app.MapGet("/", HomePage.Handle).ExcludeFromDescription();
        app.MapFunctionsHost();
        return app;
    }
}
