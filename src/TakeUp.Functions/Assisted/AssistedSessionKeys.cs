using System.Globalization;
using System.Text.RegularExpressions;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// The only place <c>AssistedSessions</c> keys are built.
/// <list type="bullet">
/// <item>A session: partition <c>{serviceId}|{yyyyMM}</c> (the London month of <c>when</c>), row
/// <c>{inverted ticks of when, 19 digits}|{id}</c>, so a month reads newest first and a range of
/// days is one row-key range.</item>
/// <item>Its index row: partition <c>{serviceId}|id</c>, row <c>{id}</c>, holding the session's keys.</item>
/// </list>
/// </summary>
/// <remarks>
/// Why an index row: a session is fetched by the id it was given (a Guid, derived from the
/// Idempotency-Key when there is one), and the id alone does not say which month partition holds
/// it. Putting the month in the id or the URL would make ids that are not Guids, and finding it by
/// a filter on an <c>Id</c> property would scan every month of the service. One extra small row
/// per session, written before the session itself, makes a GET two point reads. The index
/// partition sorts after every month partition (<c>i</c> &gt; digits), so month range queries never
/// see index rows.
/// </remarks>
public static partial class AssistedSessionKeys
{
    private const string IndexSuffix = "|id";

    public static string PartitionKey(ServiceId service, DateTimeOffset when)
    {
        var london = TimeZoneInfo.ConvertTime(when, UkTime.Zone);
        return MonthPartitionKey(service, london.ToString("yyyyMM", CultureInfo.InvariantCulture));
    }

    /// <param name="month">yyyyMM.</param>
    public static string MonthPartitionKey(ServiceId service, string month) =>
        IsMonth(month) ? $"{service.Value}|{month}" : throw new ArgumentException($"'{month}' is not a month in the form yyyyMM.", nameof(month));

    public static string RowKey(DateTimeOffset when, Guid id) => $"{Inverted(when):D19}|{id:D}";

    public static string IndexPartitionKey(ServiceId service) => service.Value + IndexSuffix;

    public static string IndexRowKey(Guid id) => id.ToString("D");

    /// <summary>
    /// The row keys of sessions at or after <paramref name="earliest"/> and before
    /// <paramref name="endExclusive"/>: from <c>From</c> (inclusive) to <c>ToExclusive</c>.
    /// </summary>
    public static (string From, string ToExclusive) RowKeyRange(DateTimeOffset earliest, DateTimeOffset endExclusive) =>
        ((Inverted(endExclusive) + 1).ToString("D19", CultureInfo.InvariantCulture),
         (Inverted(earliest) + 1).ToString("D19", CultureInfo.InvariantCulture));

    /// <summary>The <c>yyyyMM</c> month of one of the service's month partition keys.</summary>
    public static string MonthOf(ServiceId service, string partitionKey)
    {
        var month = partitionKey.StartsWith(service.Value + "|", StringComparison.Ordinal) ? partitionKey[(service.Value.Length + 1)..] : null;
        return IsMonth(month) ? month! : throw new ArgumentException($"'{partitionKey}' is not a month partition of {service}.", nameof(partitionKey));
    }

    public static bool IsMonth(string? text) => text is not null && MonthPattern().IsMatch(text);

    public static bool IsRowKey(string? text) => text is not null && RowKeyPattern().IsMatch(text);

    /// <summary>Newer instants get smaller numbers, so rows sort newest first.</summary>
    private static long Inverted(DateTimeOffset when) => DateTimeOffset.MaxValue.UtcTicks - when.UtcTicks;

    [GeneratedRegex("^[0-9]{4}(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    [GeneratedRegex("^[0-9]{19}\\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex RowKeyPattern();
}
