using System.Text.Json;
using Azure.Data.Tables;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Measures;
using TakeUp.Domain.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Trends;

/// <summary>A stored period's headline figures.</summary>
public sealed record StoredPeriod(string Period, long Transactions, double? DigitalTakeUp, double? MovingAverage13);

/// <summary>
/// Computed figures: per service in <c>Trends</c> (partition = service, row = period), and the same
/// figures across government in <c>CrossGov</c> (partition = period, row = department|service), so
/// a league table for one period is one partition read. Both read the same rollups (invariant 2).
/// </summary>
public sealed class TrendStore(StorageAccount storage, TimeProvider time)
{
    private const int Parallelism = 8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task WritePeriodsAsync(ServiceRecord service, IReadOnlyList<PeriodCounts> periods, IReadOnlyDictionary<DateOnly, TrendPoint> weekPoints, CancellationToken cancellationToken)
    {
        if (periods.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var trends = storage.Table(TableNames.Trends);
        var rows = periods.Select(p => ToEntity(service.Id.Value, TrendKeys.PeriodKey(p.Period), p, weekPoints.GetValueOrDefault(p.Period.Start), now)).ToList();
        foreach (var batch in rows.Chunk(100))
        {
            await trends.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }

        var crossGov = storage.Table(TableNames.CrossGov);
        await Parallel.ForEachAsync(periods, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (p, ct) =>
        {
            var entity = ToEntity(TrendKeys.PeriodKey(p.Period), TrendKeys.CrossGovRowKey(service.Department.Value, service.Id.Value), p, weekPoints.GetValueOrDefault(p.Period.Start), now);
            entity["Service"] = service.Id.Value;
            entity["ServiceName"] = service.Name;
            entity["Department"] = service.Department.Value;
            entity["DepartmentName"] = service.DepartmentName;
            await crossGov.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        });
    }

    public Task WriteSummaryAsync(ServiceId service, TrendSummary summary, CancellationToken cancellationToken) =>
        storage.Table(TableNames.Trends).UpsertEntityAsync(
            new TableEntity(service.Value, TrendKeys.SummaryRowKey) { ["Summary"] = JsonSerializer.Serialize(summary, Json) },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<TrendSummary?> GetSummaryAsync(ServiceId service, CancellationToken cancellationToken)
    {
        var row = await storage.Table(TableNames.Trends).GetEntityIfExistsAsync<TableEntity>(service.Value, TrendKeys.SummaryRowKey, null, cancellationToken);
        return row.HasValue && row.Value!.GetString("Summary") is { } json ? JsonSerializer.Deserialize<TrendSummary>(json, Json) : null;
    }

    /// <summary>A stored period's headline figures, or null when it has not been computed.</summary>
    public async Task<StoredPeriod?> GetPeriodAsync(ServiceId service, Domain.Calendar.Period period, CancellationToken cancellationToken)
    {
        var row = await storage.Table(TableNames.Trends).GetEntityIfExistsAsync<TableEntity>(service.Value, TrendKeys.PeriodKey(period), null, cancellationToken);
        return row.HasValue
            ? new StoredPeriod(period.Label, row.Value!.GetInt64("Transactions") ?? 0, row.Value.GetDouble("DigitalTakeUp"), row.Value.GetDouble("MovingAverage13"))
            : null;
    }

    private static TableEntity ToEntity(string partitionKey, string rowKey, PeriodCounts period, TrendPoint? week, DateTimeOffset now)
    {
        var figures = TakeUpFigures.From(period.Counts);
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Period"] = period.Period.Label,
            ["Start"] = TrendKeys.Label(period.Period.Start),
            ["End"] = TrendKeys.Label(period.Period.End),
            ["Transactions"] = period.Counts.Total,
            ["Digital"] = period.Counts.Digital,
            ["AssistedDigital"] = period.Counts.AssistedDigital,
            ["DigitalTakeUp"] = figures.DigitalTakeUp.Value,
            ["IndependentDigitalTakeUp"] = figures.IndependentDigitalTakeUp.Value,
            ["AssistedDigitalShare"] = figures.AssistedDigitalShare.Value,
            ["Method"] = figures.DigitalTakeUp.Method.Name,
            ["MethodVersion"] = figures.DigitalTakeUp.Method.Version,
            ["ComputedAt"] = now,
        };
        if (week is not null)
        {
            entity["MovingAverage4"] = week.MovingAverage4;
            entity["MovingAverage13"] = week.MovingAverage13;
            entity["BelowMinimumVolume"] = week.BelowMinimumVolume;
        }

        CountProperties.Write(period.Counts, entity);
        return entity;
    }
}
