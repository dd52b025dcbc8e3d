using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Demo;

/// <summary>One day of a service's demo usage: what its feed would have reported in totals mode.</summary>
public readonly record struct DemoDay(DateOnly Date, ChannelCounts Counts);

/// <summary>
/// A published figure and the same measure computed from the demo's days over the same period,
/// or why it could not be (<see cref="NotReproducedBecause"/>).
/// </summary>
public sealed record FigureCheck(PublishedFigure Figure, double? Generated, string? NotReproducedBecause)
{
    public bool IsReproduced => Generated is { } value && Figure.IsReproducedBy(value);
}

/// <summary>
/// The demo history of every catalogue service (docs/demo.md): daily usage from 2012 (or the
/// service's first published figure or launch, if later) to the day before today, calibrated to
/// the figures the seed documents publish, then a fictional present; and about two years of
/// assisted sessions. The same inputs and seed give the same history, to the byte.
/// </summary>
public sealed class DemoHistory
{
    public const int DefaultSeed = 20141231;

    /// <summary>
    /// At most this many sessions are logged across all services, plus up to
    /// <see cref="MinSessionsPerService"/> for each small service: enough to browse, few enough to load quickly.
    /// </summary>
    public const int SessionBudget = 12_000;

    public const int MinSessionsPerService = 150;

    /// <summary>At most one logged session per this many assisted digital transactions.</summary>
    public const int AssistedTransactionsPerSession = 3;

    /// <summary>Sessions cover about the last two years.</summary>
    public const int SessionDays = 730;

    public static readonly DateOnly DefaultFirstDate = new(2012, 1, 1);

    private DemoHistory(DateOnly today, int seed, DateOnly firstDate, IReadOnlyList<DemoServiceHistory> services)
    {
        Today = today;
        Seed = seed;
        FirstDate = firstDate;
        Services = services;
    }

    public DateOnly Today { get; }

    public int Seed { get; }

    public DateOnly FirstDate { get; }

    /// <summary>In the order of the catalogue given.</summary>
    public IReadOnlyList<DemoServiceHistory> Services { get; }

    public IEnumerable<FigureCheck> Figures => Services.SelectMany(s => s.Figures);

    public int DayCount => Services.Sum(s => s.DayCount);

    public int SessionCount => Services.Sum(s => s.Sessions.Count);

    /// <param name="services">The catalogue; each needs a scenario.</param>
    /// <param name="scenarios">One per service (seeds/demo-scenarios.csv); rows for services not given are ignored.</param>
    /// <param name="figures">The published figures (seeds/published-figures.csv); those of services not given are ignored.</param>
    /// <param name="bankHolidays">England and Wales bank holidays: quiet days.</param>
    /// <param name="today">The app's London date: the history ends the day before.</param>
    /// <param name="seed">Every random choice follows from it.</param>
    /// <param name="firstDate">No history before this day (default 2012-01-01).</param>
    public static DemoHistory Generate(
        IReadOnlyList<ServiceRecord> services,
        IReadOnlyList<DemoScenario> scenarios,
        IReadOnlyList<PublishedFigure> figures,
        IReadOnlyCollection<DateOnly> bankHolidays,
        DateOnly today,
        int seed,
        DateOnly? firstDate = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(bankHolidays);

        var first = firstDate ?? DefaultFirstDate;
        var holidays = bankHolidays.ToHashSet();
        var scenarioById = new Dictionary<ServiceId, DemoScenario>();
        foreach (var scenario in scenarios)
        {
            if (!scenarioById.TryAdd(scenario.Service, scenario))
            {
                throw new ArgumentException($"There are two demo scenarios for {scenario.Service}; give one per service.", nameof(scenarios));
            }
        }

        var missing = services.Where(s => !scenarioById.ContainsKey(s.Id)).Select(s => s.Id.Value).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"No demo scenario for {string.Join(", ", missing)}: add a row for each to seeds/demo-scenarios.csv (docs/demo.md says how).", nameof(scenarios));
        }

        var models = services
            .Select(service => new ServiceModel(
                service,
                scenarioById[service.Id],
                figures.Where(f => f.Service == service.Id).ToList(),
                holidays,
                first,
                today,
                seed))
            .ToList();

        // Sessions: a sample of the assisted digital transactions of the last two years, the same share
        // for every service. A service with less than two years of history gets proportionally fewer.
        var windowStart = today.AddDays(-SessionDays);
        var assisted = models.Select(m => AssistedBetween(m, windowStart)).ToList();
        var covered = models.Select(m => Math.Clamp((double)(today.DayNumber - Max(windowStart, m.Start).DayNumber) / SessionDays, 0, 1)).ToList();
        var fullWindow = models.Select((_, i) => covered[i] == 0 ? 0 : assisted[i] / covered[i]).Sum();
        var rate = fullWindow == 0 ? 0 : Math.Min(1.0 / AssistedTransactionsPerSession, SessionBudget / fullWindow);
        var histories = new List<DemoServiceHistory>(models.Count);
        for (var i = 0; i < models.Count; i++)
        {
            var wanted = Math.Max(MinSessionsPerService * covered[i], assisted[i] * rate);
            var count = (int)Math.Round(Math.Min(assisted[i] / AssistedTransactionsPerSession, wanted), MidpointRounding.ToEven);
            var sessions = DemoSessions.Generate(models[i], windowStart, count, seed);
            histories.Add(new DemoServiceHistory(models[i], sessions));
        }

        return new DemoHistory(today, seed, first, histories);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static long AssistedBetween(ServiceModel model, DateOnly from)
    {
        long sum = 0;
        for (var d = Math.Max(0, from.DayNumber - model.Start.DayNumber); d < model.Days; d++)
        {
            sum += model.AssistedOn(d);
        }

        return sum;
    }
}

/// <summary>One service's part of the demo history.</summary>
public sealed class DemoServiceHistory
{
    private readonly ServiceModel _model;

    internal DemoServiceHistory(ServiceModel model, IReadOnlyList<AssistedSession> sessions)
    {
        _model = model;
        Sessions = sessions;
    }

    public ServiceRecord Service => _model.Service;

    public DemoScenario Scenario => _model.Scenario;

    /// <summary>The first day with usage.</summary>
    public DateOnly FirstDay => _model.Start;

    /// <summary>The last day with usage: the day before today, or earlier for the late feed.</summary>
    public DateOnly LastDay => _model.LastDay;

    /// <summary>Whether the feed stops short of yesterday by more than its frequency allows.</summary>
    public bool FeedIsLate => _model.Scenario.FeedStopsDaysBeforeToday is not null;

    public int DayCount => _model.DataDays;

    /// <summary>The hour of the morning a late feed's last data arrived, the day after its last day.</summary>
    public const int LateFeedArrivalHour = 6;

    /// <summary>
    /// When the service's usage last arrived, for the freshness check: when the demo is loaded, or
    /// for the late feed at <see cref="LateFeedArrivalHour"/>:00 London time the day after its last day.
    /// </summary>
    public DateTimeOffset LastArrivedAt(DateTimeOffset loadedAt) =>
        FeedIsLate ? UkTime.StartOf(LastDay.AddDays(1)).AddHours(LateFeedArrivalHour) : loadedAt;

    /// <summary>Each day from <see cref="FirstDay"/> to <see cref="LastDay"/>, in order, made as they are read.</summary>
    public IEnumerable<DemoDay> Days
    {
        get
        {
            for (var d = 0; d < _model.DataDays; d++)
            {
                yield return new DemoDay(_model.Start.AddDays(d), _model.CountsOn(d));
            }
        }
    }

    /// <summary>Logged assisted sessions, oldest first.</summary>
    public IReadOnlyList<AssistedSession> Sessions { get; }

    /// <summary>The service's published figures and what the demo gives for each.</summary>
    public IReadOnlyList<FigureCheck> Figures => _model.Checks;
}
