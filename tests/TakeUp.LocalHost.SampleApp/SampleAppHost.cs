using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace TakeUp.LocalHost.SampleApp;

/// <summary>Builds the sample worker; Program runs it, the tests host it in their own process.</summary>
public static class SampleAppHost
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSingleton<InvocationRecorder>();
        builder.Services.AddSingleton<HeldMessages>();
        return builder;
    }
}
