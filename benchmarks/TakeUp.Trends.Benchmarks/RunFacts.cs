using TakeUp.Domain.Calendar;

namespace TakeUp.Trends.Benchmarks;

/// <summary>The run's setting: what was asked for, what ran, and on which days.</summary>
internal sealed record RunSetting(
    BenchmarkArguments Arguments,
    string Configuration,
    string AzuriteVersion,
    DateTimeOffset Started,
    string? LoadAverage,
    DateOnly Today,
    DateOnly FirstDay,
    DateOnly LastSeededDay,
    DateOnly NewDay,
    DateRange HistoryRead);

/// <summary>What was seeded and how long it took (setup, not the measurement).</summary>
internal sealed record SeedFacts(
    SeedingPlan Plan,
    int Services,
    int WithTargets,
    int Catalogue,
    long UsageDays,
    int Activity,
    TimeSpan Seeding,
    TimeSpan Probes,
    TimeSpan AppStart,
    TimeSpan FreshnessCheck);

/// <summary>The full nightly run and what was measured around it.</summary>
internal sealed record FullRunFacts(
    bool Monday,
    ReadOnceResult ReadBefore,
    CpuUse ReadBeforeCpu,
    WaitResult Run,
    CpuUse RunCpu,
    ReadOnceResult ReadAfter,
    int AlertsQueuedAtEnd,
    TimeSpan AlertsDrained,
    AppOutput Output,
    ReplayResult Replay,
    CpuUse ReplayCpu)
{
    public TimeSpan ReadOnce => (ReadBefore.Elapsed + ReadAfter.Elapsed) / 2;

    public double Ratio => Run.Observed / ReadOnce;
}

/// <summary>The incremental run: a new day for some services.</summary>
internal sealed record IncrementalFacts(
    int Changed,
    bool Monday,
    WaitResult Run,
    CpuUse RunCpu,
    int UnchangedChecked,
    IReadOnlyList<string> UnchangedRecomputed,
    WrittenSince Written,
    ReadOnceResult ReadChanged);
