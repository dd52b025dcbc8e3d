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

    /// <returns>The rows, or the reason the file cannot be read as usage at all.</returns>
    public static async Task<(IReadOnlyList<UsageRowInput> Rows, string? Problem)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
        });

        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            return ([], "The file is empty; it needs the header date,service,channel,assisted,count and one row per count.");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], $"The header lacks {string.Join(", ", missing)}; it should be date,service,channel,assisted,count.");
        }

        var hasAssisted = header.Contains("assisted");
        var rows = new List<UsageRowInput>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(new UsageRowInput(
                rows.Count + 1,
                csv.GetField("date"),
                csv.GetField("service"),
                csv.GetField("channel"),
                hasAssisted ? csv.GetField("assisted") : null,
                csv.GetField("count")));
        }

        return (rows, null);
    }
}
