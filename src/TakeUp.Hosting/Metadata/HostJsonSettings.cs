namespace TakeUp.Hosting;

/// <summary>The parts of host.json this library acts on.</summary>
/// <param name="RoutePrefix"><c>extensions.http.routePrefix</c> without slashes; <c>api</c> unless set, empty when removed.</param>
public sealed record HostJsonSettings(string RoutePrefix, HostJsonQueueSettings Queues)
{
    /// <summary>The Functions host's defaults, used when the app has no host.json.</summary>
    public static HostJsonSettings Default { get; } = new(HostJson.DefaultRoutePrefix, HostJsonQueueSettings.None);
}
