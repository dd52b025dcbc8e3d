using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Hosting.Functions;
using TakeUp.Hosting.Invocation;
using TakeUp.Hosting.LocalRuntime;

namespace TakeUp.Hosting;

public static class FunctionsHostingEndpointExtensions
{
    /// <summary>
    /// Marks an HTTP endpoint as the Azure Function <paramref name="name"/>. Its function.json
    /// route is the endpoint's route pattern without the host's route prefix (<c>api/</c>), under
    /// which the endpoint must lie.
    /// </summary>
    public static TBuilder AsFunction<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new FunctionMetadata(name));
    }

    /// <summary>True when the endpoint is an HTTP-triggered function (not a queue or timer function's invocation endpoint).</summary>
    public static bool IsHttpFunction(this Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.GetMetadata<FunctionMetadata>() is not null
            && endpoint.Metadata.GetMetadata<FunctionInvocationMetadata>() is null;
    }

    /// <summary>
    /// Declares the queue function <typeparamref name="TFunction"/> (named after the type) on
    /// <paramref name="queueName"/>, and maps the host's invocation endpoint <c>POST /{name}</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapQueueFunction<TFunction, TMessage>(this IEndpointRouteBuilder endpoints, string queueName)
        where TFunction : class, IQueueFunction<TMessage>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var name = typeof(TFunction).Name;
        FunctionNames.Validate(name);
        FunctionNames.ValidateQueue(name, queueName);
        var trigger = new QueueFunctionTrigger(queueName, FunctionMetadataWriter.StorageConnection);
        return MapInvocation(endpoints, name, new QueueFunctionBinding<TFunction, TMessage>(trigger), "queue");
    }

    /// <summary>
    /// Declares the timer function <typeparamref name="TFunction"/> (named after the type) on a
    /// six-field NCRONTAB <paramref name="schedule"/> in Europe/London time, and maps the host's
    /// invocation endpoint <c>POST /{name}</c>. An invalid schedule throws here, at start-up.
    /// </summary>
    public static IEndpointConventionBuilder MapTimerFunction<TFunction>(this IEndpointRouteBuilder endpoints, string schedule)
        where TFunction : class, ITimerFunction
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var name = typeof(TFunction).Name;
        FunctionNames.Validate(name);
        LondonSchedule.Parse(name, schedule);
        return MapInvocation(endpoints, name, new TimerFunctionBinding<TFunction>(new TimerFunctionTrigger(schedule)), "timer");
    }

    /// <summary>
    /// Completes the host: lets the catalog read the app's endpoints and, in local mode only,
    /// maps <c>POST /admin/functions/{name}</c>. Call once on the app, after mapping every function.
    /// The app itself must answer <c>GET /</c>: the Functions host polls it to know the app is up.
    /// </summary>
    public static IEndpointRouteBuilder MapFunctionsHost(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registration = endpoints.ServiceProvider.GetService<FunctionsHostRegistration>()
            ?? throw new InvalidOperationException(
                "MapFunctionsHost() needs builder.Services.AddFunctionsHosting(builder.Configuration) to have been called first.");
        registration.Attach(endpoints.DataSources);
        if (endpoints.ServiceProvider.GetRequiredService<FunctionsHostEnvironment>().LocalRuntimeActive)
        {
            AdminEndpoint.Map(endpoints);
        }

        return endpoints;
    }

    private static IEndpointConventionBuilder MapInvocation(IEndpointRouteBuilder endpoints, string name, IFunctionBinding binding, string kind) =>
        endpoints.MapPost("/" + name, InvocationEndpoint.For(name))
            .WithMetadata(new FunctionMetadata(name), new FunctionInvocationMetadata(binding))
            .WithDisplayName($"{name} ({kind} trigger invocation)")

            // The Functions host calls without credentials; LoopbackRequests keeps others out.
            .AllowAnonymous()
            .ExcludeFromDescription();
}
