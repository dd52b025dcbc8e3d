using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TakeUp.Functions.Telemetry;

public static class TelemetrySetup
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// OpenTelemetry through the worker's integration (each invocation a span, joined to the host's
    /// trace), the app's own source and meter, and the Azure SDK's spans (so table writes and queue
    /// sends appear in the trace). Exported to Application Insights when its connection string is
    /// set, authenticated with the app's managed identity (Entra ID; local auth is off there).
    /// </summary>
    public static IServiceCollection AddTakeUpTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Azure.Core emits ActivitySource spans only with this switch on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(TakeUpTelemetry.Name, "Azure.Data.Tables.*", "Azure.Storage.Queues.*"))
            .WithMetrics(metrics => metrics.AddMeter(TakeUpTelemetry.Name));

        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            var clientId = ClientIdFrom(configuration[AuthenticationStringSetting]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (clientId is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return services;
    }

    /// <summary>The client id in <c>ClientId=…;Authorization=AAD</c>, the form Application Insights documents.</summary>
    internal static string? ClientIdFrom(string? authenticationString) =>
        authenticationString?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase) && pair[1].Length > 0)
            .Select(pair => pair[1])
            .FirstOrDefault();
}
