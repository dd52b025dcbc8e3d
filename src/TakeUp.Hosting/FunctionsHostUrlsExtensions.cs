using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace TakeUp.Hosting;

public static class FunctionsHostUrlsExtensions
{
    /// <summary>Where the app listens in local mode when nothing else was configured: Core Tools' usual address.</summary>
    public const string LocalDefaultUrl = "http://localhost:7071";

    /// <summary>
    /// Listens where the Functions host will call: <c>http://127.0.0.1:{FUNCTIONS_CUSTOMHANDLER_PORT}</c>.
    /// Without the host, keeps URLs configured explicitly (ASPNETCORE_URLS, --urls, the urls
    /// setting, HTTP ports or Kestrel endpoints) and otherwise uses <see cref="LocalDefaultUrl"/>.
    /// </summary>
    public static void UseFunctionsHostUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (FunctionsHostEnvironment.ReadPort(builder.Configuration) is { } port)
        {
            // Loopback only: the host is the only caller, and the invocation endpoints trust it.
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else if (!HasExplicitUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(LocalDefaultUrl);
        }
    }

    private static bool HasExplicitUrls(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
