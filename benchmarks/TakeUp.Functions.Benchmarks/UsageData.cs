using System.Globalization;

namespace TakeUp.Functions.Benchmarks;

/// <summary>One daily usage row, as submitted to <c>POST api/usage</c>.</summary>
internal sealed record UsageRowData(DateOnly Date, string Service, string Channel, string Assisted, long Count)
{
    public string DateText => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>All the rows of one service on one day: one <c>UsageDaily</c> partition.</summary>
internal sealed record ServiceDay(string Service, DateOnly Date, IReadOnlyList<UsageRowData> Rows);

/// <summary>
/// Realistic daily usage for the three DWP services, every count key of every channel (14 rows
/// per service-day), for days handed out backwards from the end of 2025. Each call gets days no
/// earlier call had, so nothing a round submits was stored before: every partition is new, as in
/// a first load of history, and no increment lands on a day already written.
/// </summary>
internal sealed class UsageData
{
    public static readonly IReadOnlyList<string> Services = ["carers-allowance", "state-pension-online", "jobseekers-allowance-online"];

    /// <summary>Every (channel, assisted) the app counts: assisted routes for the digital channels only.</summary>
    public static readonly IReadOnlyList<(string Channel, string Assisted)> CountKeys =
    [
        ("online", "no"), ("online", "in-person"), ("online", "phone"), ("online", "webchat"), ("online", "yes"),
        ("api", "no"), ("api", "in-person"), ("api", "phone"), ("api", "webchat"), ("api", "yes"),
        ("phone", "no"), ("paper", "no"), ("face-to-face", "no"), ("other", "no"),
    ];

    // Well in the past by any clock, so the app's "not in the future" rule never depends on when this runs.
    private static readonly DateOnly LastDay = new(2025, 12, 31);
    private static readonly DateOnly FirstDay = new(1990, 1, 1);

    private readonly Random _random = new(20261121);
    private DateOnly _next = LastDay;

    /// <summary>
    /// About <paramref name="rows"/> rows (rounded up to whole service-days, so every partition is
    /// written whole), on days not used before.
    /// </summary>
    public IReadOnlyList<ServiceDay> Next(int rows)
    {
        var days = new List<ServiceDay>();
        var made = 0;
        while (made < rows)
        {
            if (_next < FirstDay)
            {
                throw new InvalidOperationException($"Out of fresh days (back to {FirstDay:yyyy-MM-dd}); ask for fewer rows or rounds.");
            }

            foreach (var service in Services)
            {
                if (made >= rows)
                {
                    break;
                }

                var day = new ServiceDay(service, _next, CountKeys.Select(k => new UsageRowData(_next, service, k.Channel, k.Assisted, Count(service, _next, k.Channel, k.Assisted))).ToList());
                days.Add(day);
                made += day.Rows.Count;
            }

            _next = _next.AddDays(-1);
        }

        return days;
    }

    /// <summary>Whole service-days, about <paramref name="rowsPerSubmission"/> rows each.</summary>
    public static IReadOnlyList<IReadOnlyList<UsageRowData>> Submissions(IReadOnlyList<ServiceDay> days, int rowsPerSubmission)
    {
        var submissions = new List<IReadOnlyList<UsageRowData>>();
        var current = new List<UsageRowData>();
        foreach (var day in days)
        {
            if (current.Count > 0 && current.Count + day.Rows.Count > rowsPerSubmission)
            {
                submissions.Add(current);
                current = [];
            }

            current.AddRange(day.Rows);
        }

        if (current.Count > 0)
        {
            submissions.Add(current);
        }

        return submissions;
    }

    /// <summary>A weekday's completed transactions: mostly online, some assisted, a tail of phone and paper.</summary>
    private long Count(string service, DateOnly date, string channel, string assisted)
    {
        var volume = service switch
        {
            "state-pension-online" => 2.0,
            "jobseekers-allowance-online" => 1.5,
            _ => 1.0,
        };
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.35 : 1.0;
        var typical = (channel, assisted) switch
        {
            ("online", "no") => 700,
            ("online", "in-person") => 25,
            ("online", "phone") => 18,
            ("online", "webchat") => 6,
            ("online", "yes") => 4,
            ("api", "no") => 40,
            ("api", _) => 1,
            ("phone", _) => 160,
            ("paper", _) => 110,
            ("face-to-face", _) => 30,
            _ => 5,
        };
        var spread = 0.8 + (_random.NextDouble() * 0.4);
        return (long)Math.Round(typical * volume * weekend * spread);
    }
}
