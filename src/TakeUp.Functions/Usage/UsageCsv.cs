using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Usage;

/// <summary>
/// Usage as CSV: a header <c>date,service,channel,assisted,count</c> (<c>assisted</c> may be left
/// out), one row per count. Row numbers in errors count data rows from 1, not the header.
/// </summary>
public static class UsageCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["date", "service", "channel", "count"];

    public static readonly IReadOnlyList<string> Columns = ["date", "service", "channel", "assisted", "count"];

    /// <returns>
    /// The rows; the rows whose layout is wrong (a value count that does not match the header), each
    /// named; or the reason the file cannot be read as usage at all.
    /// </returns>
    public static async Task<(IReadOnlyList<UsageRowInput> Rows, IReadOnlyList<InputError> Layout, string? Problem)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,

            // A short row is reported with its row number below, not thrown.
            MissingFieldFound = null,
        });

        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            return ([], [], "The file is empty; it needs the header date,service,channel,assisted,count and one row per count.");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            // Usage is counts only: a column such as a person's name must never be taken in.
            return ([], [], $"The header has columns usage does not take: {string.Join(", ", unknown.Select(h => $"'{Quote(h)}'"))}. Use only date,service,channel,assisted,count.");
        }

        var repeated = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            return ([], [], $"The header names {string.Join(", ", repeated)} more than once; name each column once.");
        }

        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [], $"The header lacks {string.Join(", ", missing)}; it should be date,service,channel,assisted,count.");
        }

        var hasAssisted = header.Contains("assisted");
        var rows = new List<UsageRowInput>();
        var layout = new List<InputError>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows.Count + 1;
            if (csv.Parser.Count != header.Count)
            {
                layout.Add(new InputError(row, "columns",
                    $"This row has {csv.Parser.Count} values where the header names {header.Count} columns ({string.Join(",", header)}); give every column a value (put any value containing a comma in double quotes)."));
            }

            rows.Add(new UsageRowInput(
                row,
                csv.GetField("date"),
                csv.GetField("service"),
                csv.GetField("channel"),
                hasAssisted ? csv.GetField("assisted") : null,
                csv.GetField("count")));
        }

        return (rows, layout, null);
    }

    /// <summary>A header as it may be echoed: short, printable.</summary>
    private static string Quote(string text) =>
        new string(text.Where(c => !char.IsControl(c)).Take(40).ToArray());
}
