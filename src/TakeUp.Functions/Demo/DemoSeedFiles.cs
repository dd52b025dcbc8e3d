using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Demo;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Demo;

/// <summary>What the demo is generated from, read from the seeds folder.</summary>
public sealed record DemoSeedData(IReadOnlyList<DemoScenario> Scenarios, IReadOnlyList<PublishedFigure> Figures, IReadOnlyList<DateOnly> BankHolidays);

/// <summary>
/// Reads seeds/demo-scenarios.csv, seeds/published-figures.csv and the bank holidays (columns in
/// docs/demo.md and seeds/README.md). A bad row stops the load with every problem named.
/// </summary>
public static class DemoSeedFiles
{
    public const string ScenariosFile = "demo-scenarios.csv";
    public const string FiguresFile = "published-figures.csv";
    public const string BankHolidaysFile = "bank-holidays-england-and-wales.csv";

    public static readonly IReadOnlyList<string> FigureColumns = ["service", "period_start", "period_end", "measure", "value", "source", "quote"];

    public static DemoSeedData Read(string seedsDirectory)
    {
        var scenarios = ReadScenarios(Path.Combine(seedsDirectory, ScenariosFile));
        var figures = ReadFigures(Path.Combine(seedsDirectory, FiguresFile));
        var holidays = ReadBankHolidays(Path.Combine(seedsDirectory, BankHolidaysFile));
        return new DemoSeedData(scenarios, figures, holidays);
    }

    public static IReadOnlyList<DemoScenario> ReadScenarios(string path)
    {
        using var reader = new StreamReader(path);
        return ReadScenarios(reader, path);
    }

    public static IReadOnlyList<DemoScenario> ReadScenarios(TextReader reader, string name)
    {
        var scenarios = new List<DemoScenario>();
        var errors = new List<InputError>();
        foreach (var row in Rows(reader, DemoScenarioInput.Columns, name))
        {
            string? F(string column) => row.Fields[column];
            var (scenario, rowErrors) = DemoScenarioReader.Read(new DemoScenarioInput(
                row.Number, F("service"), F("launched"), F("yearly_volume"), F("volume_change_per_year"), F("season"), F("api_share"),
                F("assisted_share_start"), F("assisted_share_now"), F("launch_take_up"), F("take_up_year_ago"), F("take_up_now"),
                F("target_share"), F("target_days_from_today"), F("inclusion_baseline_share"), F("inclusion_baseline_days_from_today"),
                F("support_standard_days"), F("feed_stops_days_before_today"), F("applications_figure"), F("note")));
            errors.AddRange(rowErrors);
            if (scenario is not null)
            {
                scenarios.Add(scenario);
            }
        }

        ThrowIfAny(errors, name);
        return scenarios;
    }

    public static IReadOnlyList<PublishedFigure> ReadFigures(string path)
    {
        using var reader = new StreamReader(path);
        var figures = new List<PublishedFigure>();
        var errors = new List<InputError>();
        foreach (var row in Rows(reader, FigureColumns, path))
        {
            string? F(string column) => row.Fields[column];
            var (figure, rowErrors) = PublishedFigureReader.Read(new PublishedFigureInput(
                row.Number, F("service"), F("period_start"), F("period_end"), F("measure"), F("value"), F("source"), F("quote")));
            errors.AddRange(rowErrors);
            if (figure is not null)
            {
                figures.Add(figure);
            }
        }

        ThrowIfAny(errors, path);
        return figures;
    }

    public static IReadOnlyList<DateOnly> ReadBankHolidays(string path)
    {
        // The same reader (and checks) the working-days calculation uses.
        var text = File.ReadAllText(path);
        _ = WorkingDays.FromCsv(text);
        return text.ReplaceLineEndings("\n").Split('\n').Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => DateOnly.ParseExact(line[..line.IndexOf(',', StringComparison.Ordinal)].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToList();
    }

    private sealed record Row(int Number, IReadOnlyDictionary<string, string?> Fields);

    private static List<Row> Rows(TextReader reader, IReadOnlyList<string> columns, string name)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new InvalidDataException($"{name} is empty; it needs the header {string.Join(",", columns)}.");
        }

        var header = csv.HeaderRecord!;
        var missing = columns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{name} lacks the column(s) {string.Join(", ", missing)}.");
        }

        var rows = new List<Row>();
        var number = 0;
        while (csv.Read())
        {
            number++;
            rows.Add(new Row(number, columns.ToDictionary(c => c, c => csv.GetField(c) is { } v && !string.IsNullOrWhiteSpace(v) ? v : null, StringComparer.Ordinal)));
        }

        return rows;
    }

    private static void ThrowIfAny(List<InputError> errors, string name)
    {
        if (errors.Count > 0)
        {
            throw new InvalidDataException(
                $"{name} is not valid: {string.Join("; ", errors.Select(e => $"row {e.Row}, {e.Field}: {e.Reason}"))}");
        }
    }
}
