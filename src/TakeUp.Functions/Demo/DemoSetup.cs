using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TakeUp.Functions.Demo;

/// <summary>Loads the demo history (docs/demo.md) on the first local start.</summary>
/// <remarks>
/// Registers <see cref="DemoLoader"/>; <see cref="DemoLoader.LoadAsync"/> is meant to be awaited
/// right after the catalogue is first seeded, and only then. Settings: <c>Demo:Enabled</c>
/// (default: true in the Development environment), <c>Demo:Seed</c> (default 20141231),
/// <c>Demo:FirstDate</c> (default 2012-01-01), <c>Demo:Parallelism</c> (default 24) and
/// <c>Demo:WriteMarkers</c> (default false).
/// Calling this more than once registers the loader once.
/// </remarks>
public static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.TryAddSingleton<DemoLoader>();
        return services;
    }
}
