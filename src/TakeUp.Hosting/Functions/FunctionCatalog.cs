using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using TakeUp.Hosting.Functions;
using TakeUp.Hosting.Invocation;
using TakeUp.Hosting.Metadata;

namespace TakeUp.Hosting;

/// <summary>
/// Every function the app declares, read from its endpoints: the single source from which the
/// function.json files, the invocation endpoints and the local trigger runtime are derived.
/// </summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, Entry> _byName;

    private FunctionCatalog(Dictionary<string, Entry> byName)
    {
        _byName = byName;
        Functions = byName.Values
            .Select(entry => entry.Descriptor)
            .OrderBy(function => function.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>All functions, ordered by name.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>The function with this name (names are case-insensitive, as in the host), or null.</summary>
    public FunctionDescriptor? Find(string name) =>
        _byName.TryGetValue(name, out var entry) ? entry.Descriptor : null;

    /// <summary>
    /// Builds the catalog from endpoints carrying <see cref="FunctionMetadata"/>. An HTTP
    /// function's route is its route pattern relative to <paramref name="routePrefix"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two endpoints claim one name, an HTTP function
    /// lies outside the route prefix, or (with no prefix) an HTTP route would also match a queue
    /// or timer function's invocation path.</exception>
    public static FunctionCatalog FromEndpoints(IEnumerable<Endpoint> endpoints, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(routePrefix);

        var byName = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<FunctionMetadata>() is not { } function)
            {
                continue;
            }

            var entry = Describe(function.Name, endpoint, routePrefix);
            if (byName.TryGetValue(function.Name, out var existing))
            {
                throw new InvalidOperationException(
                    $"Two endpoints declare the function '{existing.Descriptor.Name}': '{existing.Source}' and '{entry.Source}' (as '{function.Name}'). " +
                    "Function names must be unique, ignoring case, because each names a folder and an invocation path; rename one of them.");
            }

            byName.Add(function.Name, entry);
        }

        if (routePrefix.Length == 0)
        {
            RefuseForwardedInvocationPaths(byName.Values);
        }

        return new FunctionCatalog(byName);
    }

    internal bool TryGetBinding(string name, [NotNullWhen(true)] out IFunctionBinding? binding)
    {
        binding = _byName.TryGetValue(name, out var entry) ? entry.Binding : null;
        return binding is not null;
    }

    private static Entry Describe(string name, Endpoint endpoint, string routePrefix)
    {
        var source = endpoint.DisplayName ?? endpoint.ToString() ?? name;
        if (endpoint.Metadata.GetMetadata<FunctionInvocationMetadata>() is { } invocation)
        {
            return new Entry(new FunctionDescriptor(name, invocation.Binding.Trigger), invocation.Binding, source);
        }

        if (endpoint is not RouteEndpoint routeEndpoint)
        {
            throw new InvalidOperationException(
                $"Endpoint '{source}' is marked as the function '{name}' but has no route, so the Functions host could not forward to it.");
        }

        var route = FunctionRouteTemplate.Create(name, routeEndpoint.RoutePattern, routePrefix);
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods
            .Select(method => method.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray() ?? [];
        return new Entry(new FunctionDescriptor(name, new HttpFunctionTrigger(route, methods)), null, source);
    }

    /// <summary>
    /// With no route prefix, the host forwards outside requests for any path an HTTP function's
    /// route matches; if that includes <c>/{Name}</c> of a queue or timer function, anyone could
    /// invoke it with a forged message. Constraints are ignored here, to err on the safe side.
    /// </summary>
    private static void RefuseForwardedInvocationPaths(IEnumerable<Entry> entries)
    {
        var invocable = entries.Where(entry => entry.Binding is not null).Select(entry => entry.Descriptor.Name).ToArray();
        foreach (var entry in entries)
        {
            if (entry.Descriptor.Trigger is not HttpFunctionTrigger http)
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(http.Route), new RouteValueDictionary());
            foreach (var name in invocable)
            {
                if (matcher.TryMatch(new PathString("/" + name), new RouteValueDictionary()))
                {
                    throw new InvalidOperationException(
                        $"HTTP function '{entry.Descriptor.Name}' has the route '{http.Route}', which also matches '/{name}', the invocation path of " +
                        $"function '{name}'. With an empty route prefix the Functions host would forward outside requests there. " +
                        "Narrow the route, or keep a route prefix in host.json.");
                }
            }
        }
    }

    private sealed record Entry(FunctionDescriptor Descriptor, IFunctionBinding? Binding, string Source);
}
