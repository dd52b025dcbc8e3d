using System.Globalization;

namespace TakeUp.Trends.Benchmarks;

/// <summary>One slice of the seed: services added, how long their rows took, and the cost of one read after it.</summary>
/// <param name="UsageEntities">UsageDaily rows in the table after this slice.</param>
/// <param name="Rate">This slice's usage rows per second.</param>
/// <param name="ReadPerService">One service's history read (the app's filter), timed on a sample after this slice.</param>
internal sealed record SeedSlice(int Services, long UsageEntities, double Rate, TimeSpan Seeding, TimeSpan ReadPerService);

/// <summary>
/// Decides, slice by slice, how many services to seed so that seeding fits its budget and the
/// measurements after it fit the whole run's. Azurite keeps a table in one in-memory collection and
/// answers every query by testing every entity of the table (Loki <c>where</c> with a function), so
/// one service's read costs time in proportion to the whole <c>UsageDaily</c> table, and reading every
/// service costs in proportion to the square of the number of services. The plan measures that cost
/// after each slice and extrapolates it.
/// </summary>
internal sealed class SeedingPlan(int requested, int daysPerService, TimeSpan budget, TimeSpan seedBudget)
{
    /// <summary>
    /// The measured phases in units of one service's read (as probed) times the number of services:
    /// two read-once passes (before and after the full run), the full run (1.7 to 2 read-once passes
    /// in calibration runs with 60 to 250 services), and the write replay, the incremental run and
    /// reading the app's output back (about one pass together).
    /// </summary>
    public const double PlanFactor = 2 + 2 + 1;

    /// <summary>Starting the app, reading its output back and the report.</summary>
    public static readonly TimeSpan FixedOverhead = TimeSpan.FromSeconds(60);

    private readonly List<SeedSlice> _slices = [];

    public int Requested => requested;

    public int SliceSize { get; } = Math.Max(10, (int)Math.Ceiling(requested / 40.0));

    public IReadOnlyList<SeedSlice> Slices => _slices;

    public string? StopReason { get; private set; }

    public void Record(SeedSlice slice) => _slices.Add(slice);

    /// <summary>How many services the next slice should add; 0 to stop (<see cref="StopReason"/> says why).</summary>
    public int Next(TimeSpan elapsed, TimeSpan seeding)
    {
        var seeded = _slices.Count == 0 ? 0 : _slices[^1].Services;
        if (seeded >= requested)
        {
            return 0;
        }

        var size = Math.Min(SliceSize, requested - seeded);
        if (_slices.Count == 0)
        {
            return size;
        }

        var next = seeded + size;
        var nextSeeding = SeedTime((long)size * daysPerService);
        var measuring = MeasureTime(next);
        if (seeding + nextSeeding > seedBudget)
        {
            StopReason = string.Create(CultureInfo.InvariantCulture,
                $"seeding {next:N0} services would pass the {seedBudget.TotalMinutes:N0}-minute seeding budget " +
                $"({seeding.TotalMinutes:N1} min so far, the next {size:N0} services about {nextSeeding.TotalMinutes:N1} min more)");
            return 0;
        }

        if (elapsed + nextSeeding + measuring + FixedOverhead > budget)
        {
            StopReason = string.Create(CultureInfo.InvariantCulture,
                $"with {next:N0} services the measurements would take about {measuring.TotalMinutes:N1} min " +
                $"(one service's read extrapolated to {ReadCost((long)next * daysPerService).TotalMilliseconds:N0} ms × {next:N0} services × {PlanFactor:N1} passes), " +
                $"which with {elapsed.TotalMinutes:N1} min already spent would pass the {budget.TotalMinutes:N0}-minute budget");
            return 0;
        }

        return size;
    }

    /// <summary>The seeding time for every requested service at the rates seen: the last slice's rate, falling on as it fell.</summary>
    public TimeSpan ProjectedSeedingForAll()
    {
        var done = _slices[^1];
        var remaining = (long)(requested - done.Services) * daysPerService;
        return TimeSpan.FromTicks(_slices.Sum(s => s.Seeding.Ticks)) + SeedTime(remaining);
    }

    /// <summary>The planned measuring time for a number of services.</summary>
    public TimeSpan MeasureTime(int services) => ReadCost((long)services * daysPerService) * services * PlanFactor;

    /// <summary>
    /// One service's read with the UsageDaily table at <paramref name="entities"/>: a straight line
    /// through the slices' probes (least squares, never falling), or in proportion to the table's size
    /// after a single probe.
    /// </summary>
    public TimeSpan ReadCost(long entities)
    {
        var last = _slices[^1];
        if (_slices.Count < 2)
        {
            return last.ReadPerService * (entities / (double)last.UsageEntities);
        }

        var xs = _slices.Select(s => (double)s.UsageEntities).ToList();
        var ys = _slices.Select(s => s.ReadPerService.TotalSeconds).ToList();
        var meanX = xs.Average();
        var meanY = ys.Average();
        var sxx = xs.Sum(x => (x - meanX) * (x - meanX));
        var slope = sxx > 0 ? Math.Max(0, xs.Zip(ys).Sum(p => (p.First - meanX) * (p.Second - meanY)) / sxx) : 0;
        var line = meanY + (slope * (entities - meanX));
        return TimeSpan.FromSeconds(Math.Max(line, last.ReadPerService.TotalSeconds));
    }

    // Rows at the last slice's rate, less a sixth for the decline seen as the table grows.
    private TimeSpan SeedTime(long entities)
    {
        var rate = _slices[^1].Rate;
        if (_slices.Count >= 2 && _slices[0].Rate > rate)
        {
            rate *= 5.0 / 6;
        }

        return TimeSpan.FromSeconds(entities / rate);
    }
}
