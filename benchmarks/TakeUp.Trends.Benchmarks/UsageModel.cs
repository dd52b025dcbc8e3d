using System.Globalization;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Trends.Benchmarks;

/// <summary>One seeded service: its catalogue entry and the parameters of its synthetic usage.</summary>
/// <param name="WeeklyVolume">Transactions in a typical week (1,100 to 45,000, log-uniform).</param>
/// <param name="StartShare">Digital take-up at the start of the history.</param>
/// <param name="DriftPerYear">How much take-up moves a year (mostly up, some services falling back).</param>
/// <param name="ApiShare">Of digital transactions, the share through an API.</param>
/// <param name="AssistedShare">Of digital transactions, the share completed with assisted digital support.</param>
internal sealed record SeededService(
    int Index,
    ServiceRecord Record,
    double WeeklyVolume,
    double StartShare,
    double DriftPerYear,
    double ApiShare,
    double AssistedShare)
{
    public string Id => Record.Id.Value;
}

/// <summary>
/// A deterministic synthetic catalogue and its daily usage: every run with the same arguments and
/// the same "today" writes the same services and counts.
/// </summary>
internal static class UsageModel
{
    public const int Departments = 20;

    private static readonly (string Id, string Name)[] DepartmentList =
    [
        ("dwp", "Department for Work and Pensions"), ("hmrc", "HM Revenue and Customs"), ("ho", "Home Office"),
        ("moj", "Ministry of Justice"), ("dvla", "Driver and Vehicle Licensing Agency"), ("defra", "Department for Environment, Food and Rural Affairs"),
        ("dfe", "Department for Education"), ("dhsc", "Department of Health and Social Care"), ("mhclg", "Ministry of Housing, Communities and Local Government"),
        ("dft", "Department for Transport"), ("dcms", "Department for Culture, Media and Sport"), ("fcdo", "Foreign, Commonwealth and Development Office"),
        ("dbt", "Department for Business and Trade"), ("desnz", "Department for Energy Security and Net Zero"), ("dsit", "Department for Science, Innovation and Technology"),
        ("co", "Cabinet Office"), ("hmt", "HM Treasury"), ("mod", "Ministry of Defence"), ("hmlr", "HM Land Registry"), ("ch", "Companies House"),
    ];

    // Monday first; sums to 7, so a week's volume is the weekly volume. Weekends are quiet.
    private static readonly double[] WeekdayFactor = [1.28, 1.22, 1.18, 1.14, 1.06, 0.62, 0.50];

    // How assisted digital support splits: in person, by phone, by webchat, unspecified.
    private static readonly double[] AssistedSplit = [0.40, 0.35, 0.15, 0.10];

    // How offline transactions split: phone, paper, face to face, other.
    private static readonly double[] OfflineSplit = [0.50, 0.30, 0.15, 0.05];

    /// <summary>
    /// <paramref name="count"/> services over 20 departments; every third has a digital take-up target
    /// due in the future. Each is checked with the app's own validator, so the catalogue reads back.
    /// </summary>
    public static IReadOnlyList<SeededService> Services(int count, DateOnly today)
    {
        var services = new List<SeededService>(count);
        for (var index = 0; index < count; index++)
        {
            var random = new Random(1_000_003 * (index + 1));
            var (department, departmentName) = DepartmentList[index % Departments];
            var id = string.Create(CultureInfo.InvariantCulture, $"{department}-service-{index + 1:D4}");
            // 1,100 to 45,000: within 1,000 to 50,000 a week after the yearly cycle (±8%).
            var weekly = Math.Exp(Math.Log(1_100) + (random.NextDouble() * (Math.Log(45_000) - Math.Log(1_100))));
            var startShare = 0.35 + (random.NextDouble() * 0.45);
            var drift = -0.03 + (random.NextDouble() * 0.13);
            var hasTarget = index % 3 == 0;
            var targetShare = Math.Round(Math.Clamp(startShare + 0.15 + (random.NextDouble() * 0.2), 0.5, 0.98), 2);
            var targetDate = today.AddDays(180 + random.Next(0, 900));
            var input = new ServiceInput(
                index + 1,
                id,
                string.Create(CultureInfo.InvariantCulture, $"Benchmark service {index + 1:D4} ({department})"),
                department,
                departmentName,
                ((long)Math.Round(weekly * 52)).ToString(CultureInfo.InvariantCulture),
                hasTarget ? targetShare.ToString("0.00", CultureInfo.InvariantCulture) : null,
                hasTarget ? targetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                "daily",
                null,
                null,
                index % 4 == 0 ? "10" : null,
                ["phone", "paper", "face-to-face"],
                [id + ".manager@example.gov.uk"],
                ["email:" + id + ".alerts@example.gov.uk"]);
            var (record, errors) = ServiceValidator.Validate(input);
            if (record is null)
            {
                throw new InvalidOperationException(
                    $"The generated service {id} is not valid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}"))}");
            }

            services.Add(new SeededService(index, record, weekly, startShare, drift, 0.05 + (random.NextDouble() * 0.25), 0.02 + (random.NextDouble() * 0.06)));
        }

        return services;
    }

    /// <summary>
    /// The service's counts for each day from <paramref name="first"/> to <paramref name="last"/>, in the
    /// order of <see cref="AppShapes.CountColumns"/>. Take-up follows the service's drift, a yearly
    /// cycle and a mean-reverting weekly wander, is a little higher at weekends (offline channels
    /// close), and every day is noisy. Computed in date order from the first day, so a later call over
    /// a longer range gives the same counts for the days they share.
    /// </summary>
    public static IEnumerable<(DateOnly Date, long[] Counts)> Days(SeededService service, DateOnly first, DateOnly last)
    {
        var random = new Random(7_919 * (service.Index + 1));
        var phase = random.NextDouble() * 2 * Math.PI;
        var wander = 0.0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var weekday = ((int)day.DayOfWeek + 6) % 7;
            if (weekday == 0)
            {
                wander = (0.85 * wander) + (Normal(random) * 0.012);
            }

            var years = (day.DayNumber - first.DayNumber) / 365.25;
            var season = Math.Sin((2 * Math.PI * day.DayOfYear / 365.25) + phase);
            var level = service.StartShare + (service.DriftPerYear * years) + (0.02 * season) + wander;
            var share = Math.Clamp(level + (weekday >= 5 ? 0.05 : 0) + (Normal(random) * 0.015), 0.02, 0.98);
            var total = service.WeeklyVolume / 7 * WeekdayFactor[weekday] * (1 + (0.08 * season)) * Math.Exp(Normal(random) * 0.08);
            yield return (day, Split(total, share, service, random));
        }
    }

    private static long[] Split(double total, double share, SeededService service, Random random)
    {
        var counts = new long[AppShapes.CountColumns.Count];
        var digital = total * share;
        var offline = total - digital;
        for (var i = 0; i < counts.Length; i++)
        {
            var (key, _) = AppShapes.CountColumns[i];
            var expected = key.Channel.IsDigital
                ? digital * (key.Channel == Channel.Api ? service.ApiShare : 1 - service.ApiShare) * AssistedPart(key.Assisted, service.AssistedShare)
                : offline * OfflineSplit[OfflineIndex(key.Channel)];
            counts[i] = Math.Max(0, (long)Math.Round(expected * (1 + (Normal(random) * 0.05))));
        }

        return counts;
    }

    private static double AssistedPart(AssistedSupport assisted, double assistedShare) =>
        assisted == AssistedSupport.None ? 1 - assistedShare
        : assisted == AssistedSupport.InPerson ? assistedShare * AssistedSplit[0]
        : assisted == AssistedSupport.Phone ? assistedShare * AssistedSplit[1]
        : assisted == AssistedSupport.Webchat ? assistedShare * AssistedSplit[2]
        : assistedShare * AssistedSplit[3];

    private static int OfflineIndex(Channel channel) =>
        channel == Channel.Phone ? 0 : channel == Channel.Paper ? 1 : channel == Channel.FaceToFace ? 2 : 3;

    // Box-Muller: a standard normal draw.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
