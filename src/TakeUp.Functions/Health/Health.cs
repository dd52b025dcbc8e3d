using Azure.Data.Tables;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Health;

/// <summary>
/// <c>GET api/health</c>: 200 when the tables and queues answer, 503 with problem+json naming
/// what is down. Each check is bounded, and runs on the request path's short retries
/// (<see cref="StorageRetryPolicy"/>), so an outage is reported within about two seconds.
/// </summary>
public sealed class Health(StorageAccount storage, StorageInitializer initializer)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    [Function(nameof(Health))]
    [AllowAnonymous]
    public Task<Results<Ok<HealthReport>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request) =>
        HandleAsync(storage, initializer, request.HttpContext.RequestAborted);

    public static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> HandleAsync(
        StorageAccount storage, StorageInitializer initializer, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>
        {
            ["tables"] = await CheckAsync(() => ReadOnePageAsync(storage.Table(TableNames.UsageDaily), cancellationToken), cancellationToken),
            ["queues"] = await CheckAsync(() => storage.Queue(QueueNames.UsageBatches).GetPropertiesAsync(cancellationToken), cancellationToken),
            ["setup"] = initializer.IsReady ? "ok" : "tables and queues not created yet",
        };

        var down = checks.Where(c => c.Value != "ok").Select(c => $"{c.Key}: {c.Value}").ToList();
        if (down.Count == 0)
        {
            return TypedResults.Ok(new HealthReport("healthy", storage.Description, checks));
        }

        return TypedResults.Problem(
            title: "The service is unhealthy.",
            detail: $"Storage ({storage.Description}) is not answering as it should: {string.Join("; ", down)}.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["checks"] = checks });
    }

    private static async Task ReadOnePageAsync(TableClient table, CancellationToken cancellationToken)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
        {
            break;
        }
    }

    private static async Task<string> CheckAsync(Func<Task> check, CancellationToken cancellationToken)
    {
        try
        {
            await check().WaitAsync(CheckTimeout, cancellationToken);
            return "ok";
        }
        catch (TimeoutException)
        {
            return $"no answer within {CheckTimeout.TotalSeconds:0} s";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException || StorageOutage.Is(ex, cancellationToken))
        {
            return StorageOutage.Describe(ex);
        }
    }
}
