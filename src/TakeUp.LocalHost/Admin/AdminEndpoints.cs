using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TakeUp.LocalHost.Functions;
using TakeUp.LocalHost.Grpc.Protocol;
using TakeUp.LocalHost.Http;
using TakeUp.LocalHost.Timers;

namespace TakeUp.LocalHost.Admin;

/// <summary>The request body of <c>POST /admin/functions/{name}</c>.</summary>
internal sealed record AdminInvocation([property: JsonPropertyName("input")] string? Input);

/// <summary>
/// The host's admin API, reserved paths under <c>/admin</c> that win over any function route:
/// <c>POST /admin/functions/{name}</c> runs a non-HTTP function now (202), with the master key
/// in <c>x-functions-key</c> (or <c>?code=</c>), as the Functions host does.
/// </summary>
internal static class AdminEndpoints
{
    public const string KeyHeader = "x-functions-key";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").AddEndpointFilter(RequireMasterKey);
        admin.MapPost("/functions/{name}", RunFunction).WithOrder(-1);
        admin.MapGet("/host/status", HostStatus).WithOrder(-1);
        return endpoints;
    }

    private static async ValueTask<object?> RequireMasterKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = http.RequestServices.GetRequiredService<HostKeys>();
        var key = http.Request.Headers[KeyHeader].ToString() is { Length: > 0 } header ? header : http.Request.Query["code"].ToString();
        if (!keys.IsMasterKey(key))
        {
            await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "The master key is required",
                $"Send the host's master key in the {KeyHeader} header; it is in {keys.Path}.");

            // The answer is written; an empty result keeps the framework from writing another.
            return Results.Empty;
        }

        return await next(context);
    }

    private static async Task RunFunction(
        string name,
        HttpContext http,
        WorkerSession session,
        FunctionInvoker invoker,
        TriggerHost triggers,
        TimeProvider time)
    {
        var worker = await session.WhenReadyAsync(http.RequestAborted).WaitAsync(TimeSpan.FromSeconds(30), time, http.RequestAborted);
        var function = worker.Find(name);
        if (function is null)
        {
            await Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No such function", $"The worker has no function named {name}.");
            return;
        }

        if (function.IsHttp)
        {
            await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "This is an HTTP function",
                $"Call {function.Name} on its route (/{FunctionEndpointDataSource.RouteTemplate(function, http.RequestServices.GetRequiredService<LocalHostRuntime>().HostJson.RoutePrefix)}).");
            return;
        }

        AdminInvocation? body = null;
        if (http.Request.ContentLength is not 0)
        {
            try
            {
                body = await http.Request.ReadFromJsonAsync<AdminInvocation>(http.RequestAborted);
            }
            catch (System.Text.Json.JsonException ex)
            {
                await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "The body is not valid JSON", $"Send {{\"input\": \"...\"}}: {ex.Message}");
                return;
            }
        }

        var input = function.IsTimer
            ? new TypedData { Json = TimerInput.ManualJson() }
            : new TypedData { String = body?.Input ?? "" };
        var metadata = function.IsQueue ? AdminQueueMetadata(body?.Input ?? "", time.GetUtcNow()) : [];
        triggers.Track(invoker.InvokeAsync(function.Name, input, metadata, CancellationToken.None));
        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>A queue function run from the admin API gets a message made up for it, as the host's binding makes one.</summary>
    private static Dictionary<string, TypedData> AdminQueueMetadata(string text, DateTimeOffset now) => new(StringComparer.Ordinal)
    {
        ["QueueTrigger"] = new TypedData { String = text },
        ["Id"] = new TypedData { String = Guid.NewGuid().ToString() },
        ["PopReceipt"] = new TypedData { String = "" },
        ["DequeueCount"] = new TypedData { Json = "1" },
        ["InsertionTime"] = new TypedData { Json = System.Text.Json.JsonSerializer.Serialize(now) },
        ["ExpirationTime"] = new TypedData { Json = System.Text.Json.JsonSerializer.Serialize(now.AddDays(7)) },
        ["NextVisibleTime"] = new TypedData { Json = System.Text.Json.JsonSerializer.Serialize(now) },
    };

    /// <summary>
    /// As the Functions host's <c>GET /admin/host/status</c> (state), with what a local run needs to
    /// see: the functions loaded and the worker (its generation, process and how long it took to be ready).
    /// </summary>
    private static IResult HostStatus(WorkerSession session) => session.Current is { } worker
        ? Results.Json(new
        {
            state = "Running",
            functions = worker.Functions.Select(f => f.Name),
            worker = new { generation = worker.Generation, processId = worker.ProcessId, readyAfterMilliseconds = Math.Round(worker.StartedToReady.TotalMilliseconds, 1) },
        })
        : Results.Json(new { state = "Initializing", functions = Array.Empty<string>(), worker = (object?)null });
}
