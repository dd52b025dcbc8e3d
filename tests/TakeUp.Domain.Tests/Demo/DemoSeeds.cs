using System.Globalization;
using System.Text;
using TakeUp.Domain.Demo;
using TakeUp.Domain.Services;

namespace TakeUp.Domain.Tests.Demo;

/// <summary>
/// The repository's seed files, read for the domain tests with a small CSV reader of their own
/// (the app reads them with CsvHelper in TakeUp.Functions), then checked by the domain readers.
/// </summary>
public static class DemoSeeds
{
    /// <summary>The date the test app's clock starts on (TestClock in the function tests).</summary>
    public static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Serverless.sln.");
    });

    private static readonly Lazy<IReadOnlyList<ServiceRecord>> LazyServices = new(() => Rows("services.csv").Select((r, i) =>
    {
        var (service, errors) = ServiceValidator.Validate(new ServiceInput(
            i + 1, r["id"], r["name"], r["department"], r["department_name"], Blank(r["yearly_volume"]), Blank(r["digital_take_up_target"]),
            Blank(r["target_date"]), Blank(r["feed_frequency"]), Blank(r["inclusion_baseline_share"]), Blank(r["inclusion_baseline_date"]),
            Blank(r["support_standard_days"]), List(r["offline_channels"]), List(r["managers"]), List(r["alert_routes"])));
        return service ?? throw new InvalidDataException(string.Join("; ", errors));
    }).ToList());

    private static readonly Lazy<IReadOnlyList<PublishedFigure>> LazyFigures = new(() => Rows("published-figures.csv").Select((r, i) =>
    {
        var (figure, errors) = PublishedFigureReader.Read(new PublishedFigureInput(
            i + 1, r["service"], r["period_start"], r["period_end"], r["measure"], r["value"], r["source"], r["quote"]));
        return figure ?? throw new InvalidDataException(string.Join("; ", errors));
    }).ToList());

    private static readonly Lazy<IReadOnlyList<DemoScenario>> LazyScenarios = new(() => ScenarioInputs().Select(input =>
    {
        var (scenario, errors) = DemoScenarioReader.Read(input);
        return scenario ?? throw new InvalidDataException(string.Join("; ", errors));
    }).ToList());

    private static readonly Lazy<IReadOnlyList<DateOnly>> LazyHolidays = new(() => Rows("bank-holidays-england-and-wales.csv")
        .Select(r => DateOnly.ParseExact(r["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList());

    public static IReadOnlyList<ServiceRecord> Services => LazyServices.Value;

    public static IReadOnlyList<PublishedFigure> Figures => LazyFigures.Value;

    public static IReadOnlyList<DemoScenario> Scenarios => LazyScenarios.Value;

    public static IReadOnlyList<DateOnly> BankHolidays => LazyHolidays.Value;

    public static IReadOnlyList<DemoScenarioInput> ScenarioInputs() => Rows("demo-scenarios.csv").Select((r, i) => new DemoScenarioInput(
        i + 1, r["service"], r["launched"], r["yearly_volume"], r["volume_change_per_year"], r["season"], r["api_share"],
        r["assisted_share_start"], r["assisted_share_now"], r["launch_take_up"], r["take_up_year_ago"], r["take_up_now"],
        r["target_share"], r["target_days_from_today"], r["inclusion_baseline_share"], r["inclusion_baseline_days_from_today"],
        r["support_standard_days"], r["feed_stops_days_before_today"], r["applications_figure"], r["note"])).ToList();

    public static IReadOnlyList<string> ScenarioHeader() => Parse(File.ReadAllText(Path.Combine(Root.Value, "demo-scenarios.csv")))[0];

    public static DemoHistory Generate(int seed = DemoHistory.DefaultSeed, DateOnly? today = null, DateOnly? firstDate = null) =>
        DemoHistory.Generate(Services, Scenarios, Figures, BankHolidays, today ?? Today, seed, firstDate);

    /// <summary>Each data row as a column-name → text map.</summary>
    public static List<Dictionary<string, string>> Rows(string file)
    {
        var lines = Parse(File.ReadAllText(Path.Combine(Root.Value, file)));
        var header = lines[0];
        return lines.Skip(1).Select(fields =>
        {
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException($"{file}: a row has {fields.Count} fields, the header {header.Count}: {string.Join(",", fields)}");
            }

            return header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }

    /// <summary>RFC 4180: comma-separated, fields quoted with doubled quotes inside, LF or CRLF line ends.</summary>
    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(fields);
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(fields);
        }

        return rows.Where(r => !(r.Count == 1 && r[0].Length == 0)).ToList();
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string[] List(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
