using System.Globalization;
using System.Text.RegularExpressions;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Usage;

/// <summary>
/// The only place UsageDaily keys are built. A service's days sort in date order within its
/// prefix, so a date range is one PartitionKey range query.
/// </summary>
public static partial class UsageKeys
{
    public const string TotalsRowKey = "totals";
    private const string MarkerPrefix = "m|";

    public static string PartitionKey(ServiceId service, DateOnly date) =>
        $"{service.Value}|{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static string MarkerRowKey(string batchId) => MarkerPrefix + CheckBatchId(batchId);

    public static DateOnly DateOf(string partitionKey) =>
        DateOnly.ParseExact(partitionKey[(partitionKey.LastIndexOf('|') + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture);

    public static bool IsValidBatchId(string? batchId) => batchId is not null && BatchIdPattern().IsMatch(batchId);

    public const string BatchIdRule = "A batchId is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, chosen by the producer and never reused.";

    private static string CheckBatchId(string batchId) =>
        IsValidBatchId(batchId) ? batchId : throw new ArgumentException(BatchIdRule, nameof(batchId));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex BatchIdPattern();
}
