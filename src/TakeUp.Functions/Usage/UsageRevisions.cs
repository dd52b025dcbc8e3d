using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Usage;

/// <summary>One count changed by a restatement.</summary>
public sealed record UsageChange(string Channel, string Assisted, long Old, long New);

/// <summary>A restatement of one day: when, by whom, by which batch, and what changed.</summary>
public sealed record UsageRevision(DateOnly Date, DateTimeOffset When, string By, string BatchId, IReadOnlyList<UsageChange> Changes);

/// <summary>
/// Revision rows in a day's <c>UsageDaily</c> partition: <c>r|{inverted ticks of the submission's
/// acceptance}|{batchId}</c>, so a day's revisions list in submission order, newest first, whatever
/// order they were applied in.
/// </summary>
public static class UsageRevisions
{
    public const string RowKeyPrefix = "r|";
    public const string RowKeyEnd = "r}";

    public static IReadOnlyList<UsageChange> Changes(ChannelCounts before, ChannelCounts after) =>
        before.Entries.Select(e => e.Key).Union(after.Entries.Select(e => e.Key))
            .Where(key => before[key] != after[key])
            .Select(key => new UsageChange(key.Channel.Name, key.Assisted.Name, before[key], after[key]))
            .ToList();

    /// <param name="when">When the restating submission was accepted.</param>
    /// <param name="appliedAt">When it reached the day (later, and in any order).</param>
    public static TableEntity ToEntity(string partitionKey, UsagePartitionUpdate update, DateTimeOffset when, DateTimeOffset appliedAt, IReadOnlyList<UsageChange> changes)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - when.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new TableEntity(partitionKey, $"{RowKeyPrefix}{inverted}|{update.BatchId}")
        {
            ["When"] = when,
            ["AppliedAt"] = appliedAt,
            ["By"] = update.SubmittedBy,
            ["BatchId"] = update.BatchId,
            ["Changes"] = JsonSerializer.Serialize(changes),
        };
    }

    public static UsageRevision FromEntity(TableEntity entity) => new(
        UsageKeys.DateOf(entity.PartitionKey),
        entity.GetDateTimeOffset("When") ?? DateTimeOffset.MinValue,
        entity.GetString("By") ?? "",
        entity.GetString("BatchId") ?? "",
        JsonSerializer.Deserialize<List<UsageChange>>(entity.GetString("Changes") ?? "[]") ?? []);
}
