using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TakeUp.Hosting.Functions;

/// <summary>
/// The app's endpoint data sources, captured by <c>MapFunctionsHost</c>. The catalog reads them
/// when it is first needed (at start-up), after every function has been mapped.
/// </summary>
internal sealed class FunctionsHostRegistration
{
    private ICollection<EndpointDataSource>? _dataSources;

    public bool IsMapped => _dataSources is not null;

    public void Attach(ICollection<EndpointDataSource> dataSources)
    {
        if (Interlocked.CompareExchange(ref _dataSources, dataSources, null) is not null)
        {
            throw new InvalidOperationException("MapFunctionsHost() was called twice; call it once, on the app, after mapping every function.");
        }
    }

    public IEnumerable<Endpoint> Endpoints =>
        (_dataSources ?? throw new InvalidOperationException(
            "The function catalog was needed before app.MapFunctionsHost() was called. Call it once on the app, after mapping every function."))
        .SelectMany(dataSource => dataSource.Endpoints);
}
