using TakeUp.Domain.Demo;

namespace TakeUp.Functions.Demo;

/// <summary>Settings under <c>Demo</c> (docs/demo.md): the demo history loaded on a first local start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Whether to load the demo history; when not set, only in the Development environment (a local run).</summary>
    public bool? Enabled { get; set; }

    /// <summary>Every random choice of the demo follows from it: the same seed gives the same history.</summary>
    public int Seed { get; set; } = DemoHistory.DefaultSeed;

    /// <summary>No history before this day (default 2012-01-01).</summary>
    public DateOnly? FirstDate { get; set; }

    /// <summary>How many days are written to storage at once.</summary>
    public int Parallelism { get; set; } = 24;

    /// <summary>
    /// Whether each day also gets the marker row <c>m|demo</c> that <c>ApplyUsageBatch</c> leaves.
    /// Off by default: no code reads the demo's markers, and writing them (an entity-group
    /// transaction per day instead of one upsert) more than doubles the load on Azurite (docs/demo.md).
    /// </summary>
    public bool WriteMarkers { get; set; }

    public bool IsEnabled(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}
