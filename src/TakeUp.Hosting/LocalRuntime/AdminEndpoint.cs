using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakeUp.Hosting.Invocation;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>
/// <c>POST /admin/functions/{name}</c> with <c>{"input":"..."}</c>, as in Core Tools: runs a queue
/// function on the input as its message text, or fires a timer now. Answers 202 at once and runs
/// the function in the background (tracked, so shutdown waits for it). Mapped in local mode only.
/// </summary>
internal static class AdminEndpoint
{
    public const string Pattern = "/admin/functions/{name}";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Pattern, (RequestDelegate)HandleAsync)
            .WithDisplayName("Local admin: run a queue or timer function")
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext context)
    {
        if (!LoopbackRequests.IsLocal(context))
        {
            await Problem(context, StatusCodes.Status403Forbidden, "The admin endpoint answers only callers on this machine.");
            return;
        }

        var services = context.RequestServices;
        var name = context.GetRouteValue("name") as string ?? string.Empty;
        var function = services.GetRequiredService<FunctionCatalog>().Find(name);
        if (function is null)
        {
            await Problem(context, StatusCodes.Status404NotFound, $"No function named '{name}' is declared in this app.");
            return;
        }

        if (function.Trigger is HttpFunctionTrigger http)
        {
            await Problem(context, StatusCodes.Status400BadRequest, $"'{function.Name}' is an HTTP function: call its route ('{http.Route}' under the route prefix) instead.");
            return;
        }

        AdminInvocationBody? body;
        try
        {
            body = await ReadBodyAsync(context);
        }
        catch (JsonException ex)
        {
            await Problem(context, StatusCodes.Status400BadRequest, $"The body must be JSON like {{\"input\":\"...\"}}: {ex.Message}");
            return;
        }

        InvocationRequest request;
        if (function.Trigger is QueueFunctionTrigger)
        {
            if (body?.Input is not { } input)
            {
                await Problem(context, StatusCodes.Status400BadRequest, $"'{function.Name}' is a queue function: send its message text as {{\"input\":\"...\"}}.");
                return;
            }

            request = InvocationRequest.ForQueueMessage(LocalMessage(services, input));
        }
        else
        {
            var status = await services.GetRequiredService<IScheduleMonitor>().GetStatusAsync(function.Name, context.RequestAborted);
            request = InvocationRequest.ForTimer(new TimerInfo(IsPastDue: false, status?.Last, status?.Next));
        }

        var invoker = services.GetRequiredService<IFunctionInvoker>();
        if (!services.GetRequiredService<BackgroundInvocations>().TryStart(function.Name, token => invoker.InvokeAsync(function.Name, request, token)))
        {
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "The app is stopping.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    // Any content type is accepted, as Core Tools does; an empty body means no input.
    private static async Task<AdminInvocationBody?> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, checked((int)buffer.Length));
        return bytes.Span.Trim(" \t\r\n"u8).IsEmpty
            ? null
            : JsonSerializer.Deserialize(bytes.Span, HostingJsonContext.Default.AdminInvocationBody);
    }

    // The message a queue would have delivered: first delivery, inserted now, never poisoned here.
    private static TriggerMessage LocalMessage(IServiceProvider services, string input)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lease = services.GetRequiredService<IOptions<LocalRuntimeOptions>>().Value.MessageLease;
        return new TriggerMessage(
            Id: Guid.NewGuid().ToString(),
            PopReceipt: Guid.NewGuid().ToString(),
            Text: input,
            DequeueCount: 1,
            InsertedOn: now,
            ExpiresOn: now.AddDays(7),
            NextVisibleOn: now + lease);
    }

    private static Task Problem(HttpContext context, int statusCode, string detail) =>
        Results.Problem(detail: detail, statusCode: statusCode).ExecuteAsync(context);
}
