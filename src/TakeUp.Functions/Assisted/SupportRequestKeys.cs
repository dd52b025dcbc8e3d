using TakeUp.Domain.Services;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// The only place <c>SupportRequests</c> keys are built: partition <c>{serviceId}</c>, row the
/// request's id. A service's requests are one partition, so listing them is one partition query and
/// a status change is a conditional write to one entity.
/// </summary>
public static class SupportRequestKeys
{
    public static string PartitionKey(ServiceId service) => service.Value;

    public static string RowKey(Guid id) => id.ToString("D");
}
