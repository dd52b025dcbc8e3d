using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Services;

/// <summary>Reads the catalogue's CSV form (seeds/services.csv; columns in seeds/README.md).</summary>
public static class ServiceCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["id", "name", "department", "department_name"];

    public static IReadOnlyList<ServiceInput> Read(TextReader reader)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        csv.Read();
        csv.ReadHeader();
        var missing = RequiredColumns.Where(c => !csv.HeaderRecord!.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"The services CSV lacks the column(s) {string.Join(", ", missing)}.");
        }

        var inputs = new List<ServiceInput>();
        var row = 0;
        while (csv.Read())
        {
            row++;
            inputs.Add(new ServiceInput(
                row,
                Field(csv, "id"),
                Field(csv, "name"),
                Field(csv, "department"),
                Field(csv, "department_name"),
                Field(csv, "yearly_volume"),
                Field(csv, "digital_take_up_target"),
                Field(csv, "target_date"),
                Field(csv, "feed_frequency"),
                Field(csv, "inclusion_baseline_share"),
                Field(csv, "inclusion_baseline_date"),
                Field(csv, "support_standard_days"),
                List(csv, "offline_channels"),
                List(csv, "managers"),
                List(csv, "alert_routes")));
        }

        return inputs;
    }

    private static string? Field(CsvReader csv, string name) =>
        csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static IReadOnlyList<string> List(CsvReader csv, string name) =>
        (Field(csv, name) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
