using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using TakeUp.LocalHost.Functions;

namespace TakeUp.LocalHost.Http;

/// <summary>
/// One ASP.NET Core endpoint per HTTP function of the ready worker: <c>{routePrefix}/{route}</c>
/// (the route defaults to the function's name) with the function's methods. ASP.NET Core's router
/// then gives the host's template semantics: constraints (<c>{id:int}</c>), optional parts
/// (<c>{detail?}</c>), catch-alls and literal-before-parameter precedence. Rebuilt when a worker
/// (re)starts with another set of functions.
/// </summary>
internal sealed class FunctionEndpointDataSource : EndpointDataSource
{
    private readonly Lock _lock = new();
    private readonly LocalHostRuntime _runtime;
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();
    private string _signature = "";

    public FunctionEndpointDataSource(WorkerSession session, LocalHostRuntime runtime)
    {
        _runtime = runtime;
        session.WorkerReady += OnWorkerReady;
        if (session.Current is { } current)
        {
            OnWorkerReady(current);
        }
    }

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            lock (_lock)
            {
                return _endpoints;
            }
        }
    }

    public override IChangeToken GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>The route template the host serves a function on, prefix included.</summary>
    public static string RouteTemplate(LocalFunction function, string routePrefix)
    {
        var route = (LocalFunction.Property(function.Trigger, "route") ?? function.Name).TrimStart('/');
        return routePrefix.Length == 0 ? route : $"{routePrefix}/{route}";
    }

    public static IReadOnlyList<string> Methods(LocalFunction function) =>
        LocalFunction.Strings(function.Trigger, "methods").Select(m => m.ToUpperInvariant()).ToArray();

    private void OnWorkerReady(ReadyWorker worker)
    {
        var prefix = _runtime.HostJson.RoutePrefix;
        var http = worker.Functions.Where(f => f.IsHttp).ToArray();
        var signature = string.Join("\n", http.Select(f => $"{f.Name} {RouteTemplate(f, prefix)} {string.Join(',', Methods(f))}"));
        CancellationTokenSource previous;
        lock (_lock)
        {
            if (signature == _signature)
            {
                return;
            }

            _signature = signature;
            _endpoints = http.Select(f => Build(f, prefix)).ToArray();
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    private static Endpoint Build(LocalFunction function, string prefix)
    {
        var name = function.Name;
        var builder = new RouteEndpointBuilder(
            context => context.RequestServices.GetRequiredService<HttpFunctionHandler>().HandleAsync(context, name),
            RoutePatternFactory.Parse(RouteTemplate(function, prefix)),
            order: 0)
        {
            DisplayName = name,
        };
        var methods = Methods(function);
        if (methods.Count > 0)
        {
            builder.Metadata.Add(new HttpMethodMetadata(methods));
        }

        return builder.Build();
    }
}
