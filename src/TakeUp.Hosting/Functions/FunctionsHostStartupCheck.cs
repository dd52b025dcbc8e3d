using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TakeUp.Hosting.Functions;

/// <summary>
/// Builds the catalog as the app starts, in Azure and locally, so a mistake in the declarations
/// (a duplicate name, a route outside the prefix, a missing MapFunctionsHost) stops start-up
/// with its explanation instead of surfacing on the first invocation.
/// </summary>
internal sealed class FunctionsHostStartupCheck(
    FunctionsHostRegistration registration,
    IServiceProvider services,
    FunctionsHostEnvironment environment,
    ILogger<FunctionsHostStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!registration.IsMapped)
        {
            throw new InvalidOperationException(
                "AddFunctionsHosting() was called but app.MapFunctionsHost() was not: call it once on the app, after mapping every function.");
        }

        var catalog = services.GetRequiredService<FunctionCatalog>();
        HostingLog.FunctionsDeclared(
            logger,
            catalog.Functions.Count,
            environment.IsFunctionsHost ? "the Azure Functions host" : environment.LocalRuntimeActive ? "the local trigger runtime" : "no trigger runtime",
            string.Join(", ", catalog.Functions.Select(function => function.Name)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
