namespace TakeUp.Hosting;

/// <summary>
/// The local trigger runtime (section <c>LocalRuntime</c>). Queue settings default to host.json's
/// <c>extensions.queues</c>, then the Functions host's own defaults, so local runs behave as Azure.
/// </summary>
public sealed class LocalRuntimeOptions
{
    public const string SectionName = "LocalRuntime";

    /// <summary>False turns the local runtime off even without the Functions host (e.g. in tests of HTTP functions).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages received per poll (1-32); a batch's messages run concurrently.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Deliveries before a failing message moves to <c>{queue}-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first wait after an empty poll; waits double (with jitter) up to <see cref="MaxPollingInterval"/>.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a failed message stays invisible before its retry.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>How long a message being processed stays invisible; renewed at half-life while the function runs.</summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Where local state lives (timer schedule status, Azurite's data). Defaults to <c>.data</c>
    /// at the repository root (the folder whose package.json pins Azurite), else under the content root.
    /// </summary>
    public string? DataDirectory { get; set; }
}
