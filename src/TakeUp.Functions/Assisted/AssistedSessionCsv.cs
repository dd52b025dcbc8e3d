using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using F = TakeUp.Domain.Assisted.AssistedSessionInput.Fields;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// Assisted sessions as CSV, typed up from paper logs: a header
/// <c>when,route,helpType,provider,site,staffReference,inclusionPoint,reasons,durationMinutes,outcome,showedHowToDoItAlone,wouldTryAlone,notes</c>
/// (names in any case and order; <c>site</c>, <c>inclusionPoint</c> and <c>notes</c> may be left
/// out), then one row per session, with <c>reasons</c> separated by <c>;</c>. Values take the same
/// forms as in JSON. Columns not in that list are refused rather than ignored, in case they hold
/// details of the people helped. Row numbers count data rows from 1, not the header.
/// </summary>
public static class AssistedSessionCsv
{
    public const string Header = "when,route,helpType,provider,site,staffReference,inclusionPoint,reasons,durationMinutes,outcome,showedHowToDoItAlone,wouldTryAlone,notes";

    public const int MaxRows = 5000;

    public const string ColumnsField = "columns";

    public static readonly IReadOnlyList<string> Columns = Header.Split(',');

    public static readonly IReadOnlyList<string> OptionalColumns = [F.Site, F.InclusionPoint, F.Notes];

    /// <summary>The rows read, every error of the file's layout (a row with too few or too many values), or why it cannot be read at all.</summary>
    public sealed record Reading(IReadOnlyList<AssistedSessionInput> Rows, IReadOnlyList<InputError> LayoutErrors, string? Problem);

    public static async Task<Reading> ReadAsync(Stream body, ServiceId service, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
            MissingFieldFound = null,
        });

        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            return Refused($"The file is empty; it needs the header {Header} and one row per session.");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim()).ToList();
        var known = Columns.ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var unknown = header.Where(h => !known.ContainsKey(h)).ToList();
        if (unknown.Count > 0)
        {
            return Refused($"The header has columns this import does not take: {string.Join(", ", unknown.Select(h => $"'{SafeText.Quote(h)}'"))}. Use only {Header} (nothing about the people helped).");
        }

        var repeated = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            return Refused($"The header names {string.Join(", ", repeated)} more than once; name each column once.");
        }

        var present = header.Select(h => known[h]).ToHashSet(StringComparer.Ordinal);
        var missing = Columns.Where(c => !present.Contains(c) && !OptionalColumns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Refused($"The header lacks {string.Join(", ", missing)}; it should be {Header} (site, inclusionPoint and notes may be left out).");
        }

        var rows = new List<AssistedSessionInput>();
        var layout = new List<InputError>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count == MaxRows)
            {
                return Refused($"The file has more than {MaxRows:N0} sessions; split it into files of at most {MaxRows:N0} rows.");
            }

            var row = rows.Count + 1;
            if (csv.Parser.Count != header.Count)
            {
                layout.Add(new InputError(row, ColumnsField,
                    $"This row has {csv.Parser.Count} values where the header names {header.Count} columns; put any value containing a comma in double quotes."));
            }

            string? Field(string column) => present.Contains(column) ? csv.GetField(column.ToLowerInvariant()) : null;
            rows.Add(new AssistedSessionInput
            {
                Row = row,
                Service = service.Value,
                When = Field(F.When),
                Route = Field(F.Route),
                HelpType = Field(F.HelpType),
                Provider = Field(F.Provider),
                Site = Field(F.Site),
                StaffReference = Field(F.StaffReference),
                InclusionPoint = Field(F.InclusionPoint),
                Reasons = Field(F.Reasons)?.Split(';', StringSplitOptions.TrimEntries) ?? [],
                DurationMinutes = Field(F.DurationMinutes),
                Outcome = Field(F.Outcome),
                ShowedHowToDoItAlone = Field(F.ShowedHowToDoItAlone),
                WouldTryAlone = Field(F.WouldTryAlone),
                Notes = Field(F.Notes),
            });
        }

        return rows.Count == 0
            ? Refused($"The file has a header but no sessions; add one row per session under {Header}.")
            : new Reading(rows, layout, null);
    }

    private static Reading Refused(string problem) => new([], [], problem);
}
