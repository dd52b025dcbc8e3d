using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakeUp.Functions.Operations;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Operations;

/// <summary>An operator moves poisoned messages back once the cause is fixed: a dry run first, then by id or all.</summary>
public class PoisonReplayTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Batch(string id, int count) => JsonSerializer.Serialize(new UsageBatchMessage
    {
        BatchId = id,
        Mode = "increments",
        Rows = [new UsageRowDocument { Date = "2026-11-02", Service = "carers-allowance", Channel = "online", Assisted = "no", Count = count.ToString(System.Globalization.CultureInfo.InvariantCulture) }],
    }, Json);

    [Fact]
    public async Task A_dry_run_lists_and_changes_nothing_then_one_by_id_and_the_rest_are_moved_and_applied()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var admin = await app.ClientAsync("admin");
        using var gds = await app.GdsAsync();
        var poison = app.Queue(QueueNames.UsageBatches + "-poison");
        var first = (await poison.SendMessageAsync(Batch("replay-one-0001", 3))).Value.MessageId;
        await poison.SendMessageAsync(Batch("replay-two-0002", 4));
        await poison.SendMessageAsync(Batch("replay-six-0003", 5));

        var dry = await ReplayAsync(admin, new { });
        Assert.True(dry.DryRun);
        Assert.Equal(3, dry.Messages.Count);
        Assert.Equal(0, dry.Moved);
        Assert.Equal(3, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(0, Count(await TakeUpAsync(gds, "carers-allowance", "2026-11-02", "2026-11-02"), "online"));

        var one = await ReplayAsync(admin, new { dryRun = false, ids = new[] { first, "no-such-message" } });
        Assert.Equal(1, one.Moved);
        Assert.Equal(first, Assert.Single(one.Messages).Id);
        Assert.Equal(["no-such-message"], one.NotFound);
        await OnlineOnAsync(gds, 3);

        var rest = await ReplayAsync(admin, new { dryRun = false });
        Assert.Equal(2, rest.Moved);
        await OnlineOnAsync(gds, 12);
        Assert.Empty((await poison.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Only_admins_replay_and_a_bad_request_changes_nothing()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var admin = await app.ClientAsync("admin");
        using var gds = await app.GdsAsync();
        var poison = app.Queue(QueueNames.UsageBatches + "-poison");
        await poison.SendMessageAsync(Batch("replay-bad-0001", 1));

        Assert.Equal(HttpStatusCode.Forbidden, (await gds.PostAsJsonAsync("/api/admin/poison/usage-batches/replay", new { dryRun = false })).StatusCode);
        using var unknown = await admin.PostAsJsonAsync("/api/admin/poison/nope/replay", new { dryRun = false });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("usage-batches, trend-jobs, alerts", await unknown.Content.ReadAsStringAsync());
        using var empty = await admin.PostAsJsonAsync("/api/admin/poison/usage-batches/replay", new { dryRun = false, ids = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        using var unknownField = await admin.PostAsJsonAsync("/api/admin/poison/usage-batches/replay", new { dryRun = false, everything = true });
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);

        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static async Task<PoisonReplayResult> ReplayAsync(HttpClient admin, object body)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/poison/usage-batches/replay", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PoisonReplayResult>())!;
    }

    /// <summary>Waits until the replayed batches are applied: the day's online count reaches the sum of their counts.</summary>
    private static Task<long> OnlineOnAsync(HttpClient gds, long expected) =>
        TakeUpApp.EventuallyAsync(
            async () => Count(await TakeUpAsync(gds, "carers-allowance", "2026-11-02", "2026-11-02"), "online"),
            count => count == expected,
            $"the day's online count to reach {expected}");
}
