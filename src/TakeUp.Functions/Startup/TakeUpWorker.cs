using Microsoft.Azure.Functions.Worker.Builder;

namespace TakeUp.Functions.Startup;

/// <summary>Builds the worker: Program runs it; the tests host the same build in their own process.</summary>
public static class TakeUpWorker
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);

        // The defaults shipped beside the app, below everything else: the host builder looks for
        // appsettings.json in the current folder, which is the app's only when the host starts it.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = true,
            FileProvider = null,
        });
        builder.ConfigureFunctionsWebApplication();
        builder.AddTakeUp();
        return builder;
    }
}
