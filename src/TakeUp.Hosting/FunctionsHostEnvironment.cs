using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TakeUp.Hosting;

/// <summary>
/// Whether the app runs under the Azure Functions host (which sets
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and owns every trigger) or on its own, where the local
/// trigger runtime polls queues and fires timers in its place.
/// </summary>
public sealed class FunctionsHostEnvironment
{
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public FunctionsHostEnvironment(int? customHandlerPort, bool localRuntimeEnabled)
    {
        CustomHandlerPort = customHandlerPort;
        LocalRuntimeActive = customHandlerPort is null && localRuntimeEnabled;
    }

    /// <summary>The loopback port the Functions host calls; null when there is no host.</summary>
    public int? CustomHandlerPort { get; }

    public bool IsFunctionsHost => CustomHandlerPort is not null;

    /// <summary>True when the local queue listeners, timers, admin endpoint and emulator run.</summary>
    public bool LocalRuntimeActive { get; }

    /// <exception cref="InvalidOperationException">A setting is malformed; the message names it.</exception>
    public static FunctionsHostEnvironment FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var enabledKey = LocalRuntimeOptions.SectionName + ":" + nameof(LocalRuntimeOptions.Enabled);
        var enabledText = configuration[enabledKey];
        var enabled = true;
        if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText, out enabled))
        {
            throw new InvalidOperationException($"{enabledKey} is '{enabledText}': set it to true or false.");
        }

        return new FunctionsHostEnvironment(ReadPort(configuration), enabled);
    }

    internal static int? ReadPort(IConfiguration configuration)
    {
        var text = configuration[CustomHandlerPortSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException(
                $"{CustomHandlerPortSetting} is '{text}', not a TCP port. The Functions host sets it; when running without the host, remove it.");
        }

        return port;
    }
}
