using System.Net.Http.Json;
using TakeUp.Functions.Storage;
using TakeUp.Functions.TakeUp;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>What the tests do through the app's real interfaces: HTTP and its queues.</summary>
public static class UsageApi
{
    public static object Row(string date, string service, string channel, long count, string assisted = "no") =>
        new { date, service, channel, assisted, count };

    public static async Task<UsageReceipt> SubmitAsync(HttpClient client, params object[] rows)
    {
        var response = await client.PostAsJsonAsync("/api/usage", new { rows });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UsageReceipt>())!;
    }

    public static async Task<UsageReceipt> WaitForReceiptAsync(HttpClient client, string id, string status = UsageReceipt.Applied) =>
        await TakeUpApp.EventuallyAsync(
            async () =>
            {
                // A batch a producer queued directly has no receipt until the trigger takes it.
                using var response = await client.GetAsync($"/api/usage/receipts/{id}");
                return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<UsageReceipt>();
            },
            r => r?.Status == status,
            $"receipt {id} to be {status}") ?? throw new InvalidOperationException("No receipt.");

    public static async Task<ServiceTakeUpReport> TakeUpAsync(HttpClient client, string service, string from, string to, string period = "day") =>
        (await client.GetFromJsonAsync<ServiceTakeUpReport>($"/api/services/{service}/take-up?period={period}&from={from}&to={to}"))!;

    /// <summary>Waits until the usage queue holds nothing, visible or not: every delivery has finished.</summary>
    public static Task WaitForQueueDrainedAsync(TakeUpApp app, string queue = QueueNames.UsageBatches) =>
        TakeUpApp.EventuallyAsync(
            async () => (await app.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == 0,
            $"queue {queue} to drain");

    public static long Count(ServiceTakeUpReport report, string channel, string assisted = "no") =>
        report.Total.Channels.Where(c => c.Channel == channel && c.Assisted == assisted).Sum(c => c.Count);
}
