using System.Globalization;
using Azure.Data.Tables;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Services;

/// <summary>The catalogue in <c>Services</c>: one partition (<c>svc</c>), one row per service.</summary>
public sealed class ServiceStore(StorageAccount storage, TimeProvider time)
{
    private const string Partition = "svc";

    private TableClient Table => storage.Table(TableNames.Services);

    public async Task<IReadOnlyList<ServiceRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var services = new List<ServiceRecord>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            services.Add(FromEntity(entity));
        }

        return services;
    }

    /// <returns>True when the service is new.</returns>
    public async Task<bool> PutAsync(ServiceRecord service, string updatedBy, CancellationToken cancellationToken)
    {
        var existed = (await Table.GetEntityIfExistsAsync<TableEntity>(Partition, service.Id.Value, ["RowKey"], cancellationToken)).HasValue;
        await Table.UpsertEntityAsync(ToEntity(service, updatedBy), TableUpdateMode.Replace, cancellationToken);
        return !existed;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return false;
        }

        return true;
    }

    private TableEntity ToEntity(ServiceRecord service, string updatedBy) => new(Partition, service.Id.Value)
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
        ["UpdatedAt"] = time.GetUtcNow(),
        ["UpdatedBy"] = updatedBy,
    };

    private static ServiceRecord FromEntity(TableEntity entity)
    {
        var (service, errors) = ServiceValidator.Validate(new ServiceInput(
            0,
            entity.RowKey,
            entity.GetString("Name"),
            entity.GetString("Department"),
            entity.GetString("DepartmentName"),
            entity.GetInt64("YearlyVolume")?.ToString(CultureInfo.InvariantCulture),
            entity.GetDouble("TargetShare")?.ToString("R", CultureInfo.InvariantCulture),
            entity.GetString("TargetDate"),
            entity.GetString("FeedFrequency"),
            entity.GetDouble("BaselineShare")?.ToString("R", CultureInfo.InvariantCulture),
            entity.GetString("BaselineDate"),
            entity.GetInt32("SupportStandardDays")?.ToString(CultureInfo.InvariantCulture),
            Split(entity.GetString("OfflineChannels")),
            Split(entity.GetString("Managers")),
            Split(entity.GetString("AlertRoutes"))));
        return service ?? throw new InvalidDataException(
            $"The stored service '{entity.RowKey}' is not valid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}"))}");
    }

    private static string[] Split(string? text) => (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
