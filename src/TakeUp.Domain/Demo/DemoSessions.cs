using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;

namespace TakeUp.Domain.Demo;

/// <summary>
/// Assisted sessions for one service: spread over the days in proportion to the assisted digital
/// transactions its feed reports, with routes in the same proportions, and the rest of each
/// session drawn from the distributions in docs/demo.md. Nothing about any person: sites are towns
/// and office kinds, staff references are <c>staff-NNN</c>, notes are empty or stock phrases.
/// </summary>
internal static class DemoSessions
{
    /// <summary>Partners that give assisted digital support besides the department itself.</summary>
    public static readonly IReadOnlyList<string> Partners = ["citizens-advice", "local-library", "age-uk", "post-office"];

    private static readonly string[] Towns =
    [
        "Leeds", "Manchester", "Birmingham", "Bristol", "Cardiff", "Swansea", "Newcastle", "Sheffield", "Norwich", "Plymouth",
        "Leicester", "Nottingham", "Liverpool", "Exeter", "Carlisle", "Hull", "Wrexham", "Brighton", "Reading", "York",
    ];

    /// <summary>Stock phrases staff might write: what was done, never who was helped.</summary>
    public static readonly IReadOnlyList<string> GuidedNotes =
    [
        "Guided through the online form",
        "Showed how to save and come back later",
        "Helped set up an account and sign in",
        "Explained what each question was asking",
        "Showed how to upload the supporting documents",
        "Used the counter PC together",
        "Referred to a local digital skills course",
    ];

    public static readonly IReadOnlyList<string> OnBehalfNotes =
    [
        "Entered the details on their behalf",
        "Read the questions aloud and typed the answers",
        "Completed the form over the phone",
        "Call back booked to finish the application",
        "Waiting for a document before finishing",
        "Printed the confirmation page",
    ];

    private static readonly Dictionary<string, string> DepartmentShortNames = new(StringComparer.Ordinal)
    {
        ["dwp"] = "DWP",
        ["defra"] = "Defra",
        ["moj"] = "MOJ",
        ["cabinet-office"] = "Cabinet Office",
        ["bis"] = "BIS",
        ["hmrc"] = "HMRC",
        ["ho"] = "Home Office",
        ["dft"] = "DfT",
    };

    // Inclusion scale 1 to 9 among people who needed help: mostly 1 to 4 (docs/demo.md).
    private static readonly double[] InclusionWeights = [8, 14, 24, 22, 13, 8, 5, 1.5, 0.5];
    private const double InclusionNotAsked = 0.06;

    // Reasons, in HelpReason.All order: no-device, no-internet, lacks-skills, lacks-confidence, accessibility-need, language, trust-or-security, other.
    private static readonly double[] ReasonsOffline = [3, 3, 3, 1, 1, 0.5, 0.8, 0.3];
    private static readonly double[] ReasonsReluctant = [1, 1, 2.5, 3, 1, 0.7, 1.2, 0.4];
    private static readonly double[] ReasonsOnline = [0.5, 0.5, 1, 2, 1.5, 1, 1.5, 0.8];

    public static IReadOnlyList<AssistedSession> Generate(ServiceModel model, DateOnly windowStart, int count, int seed)
    {
        var sessions = new List<AssistedSession>(Math.Max(0, count));
        var from = Math.Max(0, windowStart.DayNumber - model.Start.DayNumber);
        if (count <= 0 || from >= model.Days)
        {
            return sessions;
        }

        long assisted = 0;
        for (var d = from; d < model.Days; d++)
        {
            assisted += model.AssistedOn(d);
        }

        if (assisted == 0)
        {
            return sessions;
        }

        var random = DemoRandom.Create(seed, "sessions|" + model.Service.Id.Value);
        var towns = PickTowns(random);
        var departmentStaff = Math.Clamp(count / 80, 6, 60);

        // Systematic sampling: the running total of expected sessions, crossed at a random offset.
        var offset = random.NextDouble();
        var before = 0.0;
        Span<double> routes = stackalloc double[3];
        for (var d = from; d < model.Days; d++)
        {
            var after = before + (double)count * model.AssistedOn(d) / assisted;
            var today = (int)(Math.Floor(after + offset) - Math.Floor(before + offset));
            before = after;
            if (today == 0)
            {
                continue;
            }

            var date = model.Start.AddDays(d);
            var row = d * ServiceModel.KeyCount + ServiceModel.FirstAssistedKey;

            // In person, phone, web chat in the day's proportions; "yes" (route unknown) spread over them.
            routes[0] = model.Counts[row] + 0.01;
            routes[1] = model.Counts[row + 1] + 0.01;
            routes[2] = model.Counts[row + 2] + 0.01;
            var daySessions = new List<AssistedSession>(today);
            for (var i = 0; i < today; i++)
            {
                daySessions.Add(Session(random, model.Service, date, routes, towns, departmentStaff));
            }

            sessions.AddRange(daySessions.OrderBy(s => s.When).ThenBy(s => s.Id));
        }

        return sessions;
    }

    private static string[] PickTowns(DemoRandom random)
    {
        var pool = Towns.ToList();
        var picked = new string[5];
        for (var i = 0; i < picked.Length; i++)
        {
            var at = random.Next(pool.Count);
            picked[i] = pool[at];
            pool.RemoveAt(at);
        }

        return picked;
    }

    private static AssistedSession Session(DemoRandom random, ServiceRecord service, DateOnly date, ReadOnlySpan<double> routeWeights, string[] towns, int departmentStaff)
    {
        var route = random.Pick(routeWeights) switch
        {
            0 => random.Chance(0.07) ? SupportRoute.HomeVisit : SupportRoute.InPerson,
            1 => SupportRoute.Phone,
            _ => SupportRoute.Webchat,
        };

        var when = When(random, date, route);
        InclusionScalePoint? point = random.Chance(InclusionNotAsked) ? null : InclusionScalePoint.Of(random.Pick(InclusionWeights) + 1);
        var level = point?.Value ?? 5;
        var reasons = Reasons(random, level);

        var onBehalf = 0.30 + (level <= 2 ? 0.30 : level <= 4 ? 0.10 : 0)
            + (route == SupportRoute.Phone ? 0.15 : 0) + (route == SupportRoute.HomeVisit ? 0.2 : 0) - (route == SupportRoute.Webchat ? 0.2 : 0);
        var helpType = random.Chance(Math.Clamp(onBehalf, 0.05, 0.95)) ? HelpType.OnBehalf : HelpType.Guided;

        var town = towns[random.Pick([5, 4, 3, 2, 1])];
        var (provider, site) = ProviderAndSite(random, service, route, town);
        var staff = StaffReference(random, provider, departmentStaff);

        var duration = route == SupportRoute.HomeVisit ? Triangular(random, 30, 120)
            : route == SupportRoute.Webchat ? Triangular(random, 5, 35)
            : helpType == HelpType.OnBehalf ? Triangular(random, 12, 60)
            : Triangular(random, 8, 45);

        var outcome = SessionOutcome.All[random.Pick([0.90, 0.04, 0.02, level <= 2 ? 0.06 : 0.04])];
        var showed = random.Chance(helpType == HelpType.Guided ? 0.75 : 0.30);
        var tryAlone = TryAloneNextTime.All[random.Pick(
            !showed ? [0.10, 0.60, 0.30]
            : level >= 4 ? [0.55, 0.12, 0.33]
            : [0.25, 0.35, 0.40])];

        string? notes = null;
        if (random.Chance(0.35))
        {
            var phrases = helpType == HelpType.Guided ? GuidedNotes : OnBehalfNotes;
            notes = phrases[random.Next(phrases.Count)];
        }

        return new AssistedSession(
            random.NextGuid(), service.Id, when, route, helpType, provider, site, staff, point, reasons,
            duration, outcome, showed, tryAlone, notes, SupportRequestId: null);
    }

    /// <summary>Office hours in London: counters 09:00-16:30, phones 08:00-18:00, web chat 08:00-20:00.</summary>
    private static DateTimeOffset When(DemoRandom random, DateOnly date, SupportRoute route)
    {
        var (opens, closes) = route == SupportRoute.Webchat ? (8 * 60, 20 * 60)
            : route == SupportRoute.Phone ? (8 * 60, 18 * 60)
            : (9 * 60, 16 * 60 + 30);
        var minute = opens + random.Next(closes - opens);
        var local = date.ToDateTime(new TimeOnly(minute / 60, minute % 60), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, UkTime.Zone.GetUtcOffset(local));
    }

    private static List<HelpReason> Reasons(DemoRandom random, int level)
    {
        var weights = (level <= 2 ? ReasonsOffline : level <= 4 ? ReasonsReluctant : ReasonsOnline).ToArray();
        var howMany = random.Pick([0.55, 0.35, 0.10]) + 1;
        var reasons = new List<HelpReason>(howMany);
        for (var i = 0; i < howMany; i++)
        {
            var at = random.Pick(weights);
            reasons.Add(HelpReason.All[at]);
            weights[at] = 0;
        }

        return reasons;
    }

    private static (string Provider, string Site) ProviderAndSite(DemoRandom random, ServiceRecord service, SupportRoute route, string town)
    {
        var department = service.Department.Value;
        var name = DepartmentShortNames.GetValueOrDefault(department, department.ToUpperInvariant());
        if (route == SupportRoute.Phone)
        {
            return random.Chance(0.9) ? (department, $"{name} contact centre") : ("citizens-advice", $"Citizens Advice {town} advice line");
        }

        if (route == SupportRoute.Webchat)
        {
            return (department, $"{name} web chat team");
        }

        if (route == SupportRoute.HomeVisit)
        {
            return random.Chance(0.7) ? (department, $"{name} visiting officers, {town}") : ("age-uk", $"Age UK {town}");
        }

        return random.Pick([0.5, 0.2, 0.2, 0.05, 0.05]) switch
        {
            0 => (department, department == "dwp" ? $"{town} Jobcentre" : $"{name} office, {town}"),
            1 => ("citizens-advice", $"Citizens Advice {town}"),
            2 => ("local-library", $"{town} Central Library"),
            3 => ("age-uk", $"Age UK {town}"),
            _ => ("post-office", $"{town} Post Office"),
        };
    }

    /// <summary>Pseudonymous: a number per member of staff, in a block per provider; some staff log far more than others.</summary>
    private static string StaffReference(DemoRandom random, string provider, int departmentStaff)
    {
        var partner = -1;
        for (var i = 0; i < Partners.Count; i++)
        {
            if (Partners[i] == provider)
            {
                partner = i;
            }
        }

        var (block, size) = partner < 0 ? (0, departmentStaff) : (100 * (partner + 1), 12);
        var skewed = Math.Min(random.Next(size), random.Next(size));
        return $"staff-{block + skewed + 1:D3}";
    }

    /// <summary>Whole minutes from <paramref name="min"/> to <paramref name="max"/>, most often near the middle.</summary>
    private static int Triangular(DemoRandom random, int min, int max) =>
        min + (int)Math.Round((max - min) * (random.NextDouble() + random.NextDouble()) / 2, MidpointRounding.ToEven);
}
