using System.Globalization;
using System.Text.Json.Nodes;

namespace TakeUp.LocalHost.Configuration;

/// <summary>The parts of <c>host.json</c> the local host honours, with the real host's defaults.</summary>
internal sealed record HostJsonSettings(string RoutePrefix, QueueSettings Queues)
{
    public static HostJsonSettings Default { get; } = new("api", QueueSettings.Default);

    public static HostJsonSettings Parse(JsonNode? hostJson)
    {
        if (hostJson is null)
        {
            return Default;
        }

        var extensions = hostJson["extensions"];
        var routePrefix = extensions?["http"]?["routePrefix"] is JsonValue prefix ? prefix.GetValue<string>().Trim('/') : "api";
        var queues = extensions?["queues"];
        var settings = QueueSettings.Default;
        if (queues is not null)
        {
            settings = new QueueSettings(
                BatchSize: Int(queues, "batchSize") ?? settings.BatchSize,
                NewBatchThreshold: Int(queues, "newBatchThreshold"),
                MaxPollingInterval: Time(queues, "maxPollingInterval") ?? settings.MaxPollingInterval,
                VisibilityTimeout: Time(queues, "visibilityTimeout") ?? settings.VisibilityTimeout,
                MaxDequeueCount: Int(queues, "maxDequeueCount") ?? settings.MaxDequeueCount,
                Base64Encoding: !string.Equals(Str(queues, "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase));
        }

        settings.Validate();
        return new HostJsonSettings(routePrefix, settings);
    }

    private static string? Str(JsonNode node, string name) => node[name] is JsonValue v ? v.ToString() : null;

    private static int? Int(JsonNode node, string name) => node[name] is JsonValue v
        ? (v.TryGetValue<int>(out var i) ? i : int.Parse(v.ToString(), CultureInfo.InvariantCulture))
        : null;

    private static TimeSpan? Time(JsonNode node, string name)
    {
        var text = Str(node, name);
        if (text is null)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new LocalHostConfigurationException($"host.json extensions.queues.{name} is '{text}', not a time span like \"00:00:30\".");
    }
}

/// <summary>
/// <c>host.json</c> <c>extensions.queues</c>, defaults as the Storage Queues extension has them.
/// </summary>
/// <param name="NewBatchThreshold">Null means the host's default, batchSize / 2 times the processor count.</param>
internal sealed record QueueSettings(
    int BatchSize,
    int? NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    bool Base64Encoding)
{
    public static QueueSettings Default { get; } = new(16, null, TimeSpan.FromMinutes(1), TimeSpan.Zero, 5, true);

    /// <summary>Fetch more messages when no more than this many are still running.</summary>
    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? (BatchSize / 2 * Environment.ProcessorCount);

    /// <summary>How long a running message stays invisible; renewed at half of it (the host uses 10 minutes).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        if (BatchSize is < 1 or > 32)
        {
            throw new LocalHostConfigurationException($"host.json extensions.queues.batchSize is {BatchSize}; it must be 1 to 32.");
        }

        if (MaxDequeueCount < 1)
        {
            throw new LocalHostConfigurationException($"host.json extensions.queues.maxDequeueCount is {MaxDequeueCount}; it must be at least 1.");
        }

        if (MaxPollingInterval < TimeSpan.FromMilliseconds(100))
        {
            throw new LocalHostConfigurationException($"host.json extensions.queues.maxPollingInterval is {MaxPollingInterval}; it must be at least 00:00:00.1.");
        }
    }
}
