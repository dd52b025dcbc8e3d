using System.Globalization;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace TakeUp.Trends.Benchmarks;

/// <summary>
/// The names, keys and entity shapes the app uses, mirrored here because the benchmark talks to
/// storage directly and must not load the app's assembly. Each member names the app's source it
/// copies; when that source changes, this must follow.
/// </summary>
internal static class AppShapes
{
    // src/TakeUp.Functions/Storage/TableNames.cs (Storage:NamePrefix left empty).
    public const string ServicesTable = "Services";
    public const string UsageDailyTable = "UsageDaily";
    public const string TrendsTable = "Trends";
    public const string CrossGovTable = "CrossGov";
    public const string AlertsTable = "Alerts";

    public static readonly IReadOnlyList<string> AllTables =
        [ServicesTable, UsageDailyTable, "UsageReceipts", "AssistedSessions", "SupportRequests", "Receipts", "ApiKeys", TrendsTable, CrossGovTable, AlertsTable];

    // src/TakeUp.Functions/Storage/QueueNames.cs; StorageInitializer also makes a "-poison" queue for each.
    public const string TrendJobsQueue = "trend-jobs";
    public const string AlertsQueue = "alerts";

    public static readonly IReadOnlyList<string> AllQueues = ["usage-batches", TrendJobsQueue, AlertsQueue];

    public static string Poison(string queue) => queue + "-poison";

    /// <summary>
    /// StorageSetup's queue options: the API version Azurite accepts (the SDK's default, 2026-10-06, it
    /// refuses) and base64 text, which the app's queue triggers read and write.
    /// </summary>
    public static QueueClientOptions QueueOptions() =>
        new(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = QueueMessageEncoding.Base64 };

    // src/TakeUp.Functions/Trends/TrendKeys.cs.
    public const string ActivityRowKey = "activity";
    public const string SummaryRowKey = "summary";

    // src/TakeUp.Functions/Services/ServiceStore.cs: the catalogue's one partition.
    public const string ServicesPartition = "svc";

    // src/TakeUp.Functions/Usage/UsageKeys.cs.
    public const string TotalsRowKey = "totals";

    // src/TakeUp.Functions/Trends/TrendOptions.cs: HistoryYears default.
    public const int HistoryYears = 10;

    // src/TakeUp.Functions/Alerts/AlertKeys.cs.
    public const string AlertStatePrefix = "state|";
    public const string AlertPrefix = "alert|";

    // src/TakeUp.Domain/Analysis/DataQualityRules.cs: the rule CheckDataFreshness evaluates.
    public const string FeedLateRule = "feed-late";

    /// <summary>UsageKeys.PartitionKey: <c>{serviceId}|{yyyyMMdd}</c>.</summary>
    public static string UsagePartitionKey(string service, DateOnly date) =>
        $"{service}|{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// CountProperties: one Int64 property per count key, <c>c_{channel}[__{assisted}]</c> with hyphens
    /// as underscores, assisted routes for digital channels only, in the app's order.
    /// </summary>
    public static readonly IReadOnlyList<(CountKey Key, string Property)> CountColumns = BuildCountColumns();

    /// <summary>
    /// The days ComputeServiceTrend reads: from the start of the oldest week, month or quarter that
    /// holds the day ten years before today (London), to today.
    /// </summary>
    public static DateRange HistoryRead(DateOnly asOf)
    {
        var earliest = asOf.AddYears(-HistoryYears);
        PeriodKind[] stored = [PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter];
        return new DateRange(stored.Min(kind => Period.Containing(kind, earliest).Start), asOf);
    }

    /// <summary>UsageDailyStore.ReadDaysAsync's filter: the service's partition range, totals rows only.</summary>
    public static string ReadDaysFilter(string service, DateRange range) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey ge {UsagePartitionKey(service, range.From)} and PartitionKey le {UsagePartitionKey(service, range.To)} and RowKey eq {TotalsRowKey}");

    /// <summary>
    /// A count property as CountProperties reads it, 0 when absent. Held as an Int64, but taken as an
    /// Int32 too, which the SDK's <c>GetInt64</c> refuses, should a small number come back untyped.
    /// </summary>
    public static long Count(TableEntity entity, string property) =>
        entity.TryGetValue(property, out var value)
            ? value switch
            {
                null => 0,
                long count => count,
                int count => count,
                _ => throw new InvalidOperationException($"{entity.PartitionKey}/{entity.RowKey}: '{property}' holds a {value.GetType().Name}, not a count."),
            }
            : 0;

    /// <summary>
    /// A new day's totals row as UsageDailyStore.ApplyAsync writes it: service, date, revision 1,
    /// when, the batch, and every count property (zeros included, as CountProperties.Write does).
    /// </summary>
    public static TableEntity TotalsEntity(string service, DateOnly date, IReadOnlyList<long> counts, DateTimeOffset updatedAt, string batchId)
    {
        var entity = new TableEntity(UsagePartitionKey(service, date), TotalsRowKey)
        {
            ["Service"] = service,
            ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Revision"] = 1L,
            ["UpdatedAt"] = updatedAt,
            ["LastBatchId"] = batchId,
        };
        for (var i = 0; i < CountColumns.Count; i++)
        {
            entity[CountColumns[i].Property] = counts[i];
        }

        return entity;
    }

    /// <summary>A catalogue row as ServiceStore.ToEntity writes it.</summary>
    public static TableEntity ServiceEntity(ServiceRecord service, DateTimeOffset updatedAt, string updatedBy) => new(ServicesPartition, service.Id.Value)
    {
        ["Name"] = service.Name,
        ["Department"] = service.Department.Value,
        ["DepartmentName"] = service.DepartmentName,
        ["YearlyVolume"] = service.YearlyVolume,
        ["TargetShare"] = service.TakeUpTarget?.Share,
        ["TargetDate"] = service.TakeUpTarget?.By.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["FeedFrequency"] = service.FeedFrequency.Name,
        ["BaselineShare"] = service.InclusionBaseline?.AssistedShare,
        ["BaselineDate"] = service.InclusionBaseline?.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["SupportStandardDays"] = service.SupportStandardDays,
        ["OfflineChannels"] = string.Join(';', service.OfflineChannels.Select(c => c.Name)),
        ["Managers"] = string.Join(';', service.Managers),
        ["AlertRoutes"] = string.Join(';', service.AlertRoutes.Select(r => r.ToString())),
        ["UpdatedAt"] = updatedAt,
        ["UpdatedBy"] = updatedBy,
    };

    /// <summary>UsageActivityStore.RecordArrivalAsync's merge: the service's <c>activity</c> row in Trends.</summary>
    public static TableEntity ArrivalEntity(string service, DateTimeOffset at) =>
        new(service, ActivityRowKey) { ["LastArrivedAt"] = at };

    private static List<(CountKey, string)> BuildCountColumns()
    {
        var columns = new List<(CountKey, string)>();
        foreach (var channel in Channel.All)
        {
            foreach (var assisted in AssistedSupport.All)
            {
                if (assisted.IsAssisted && !channel.IsDigital)
                {
                    continue;
                }

                columns.Add((new CountKey(channel, assisted), "c_" + Safe(channel.Name) + (assisted.IsAssisted ? "__" + Safe(assisted.Name) : "")));
            }
        }

        return columns;
    }

    private static string Safe(string name) => name.Replace('-', '_');
}
