using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace TakeUp.Trends.Benchmarks;

/// <summary>A service's <c>activity</c> row in <c>Trends</c>; <see cref="WrittenAt"/> is the emulator's own write time.</summary>
internal sealed record ActivityRow(string Service, DateTimeOffset? LastArrivedAt, DateTimeOffset? LastComputedAt, DateTimeOffset? WrittenAt);

/// <summary>When a watched run was seen complete.</summary>
/// <param name="Observed">From the trigger until the queue was seen empty with every expected service computed (polls every 100 ms).</param>
/// <param name="LastWrite">From the trigger until the emulator stamped the last expected <c>activity</c> row (each computation's last write).</param>
/// <param name="AllQueuedBy">
/// The first scan at which messages queued (in flight included) plus services computed reached the
/// number expected: by then the schedule had sent every message. Scans are 15 s apart mid-run.
/// </param>
internal sealed record WaitResult(TimeSpan Observed, TimeSpan LastWrite, TimeSpan? AllQueuedBy, int Scans, int QueuePolls, IReadOnlyDictionary<string, ActivityRow> Rows);

/// <summary>
/// Watches a nightly run from outside, as an operator could: the <c>trend-jobs</c> queue's length
/// (cheap, polled often) and every service's <c>activity</c> row (a scan with <c>RowKey eq 'activity'</c>,
/// made when the queue looks empty, and every 15 s for progress).
/// </summary>
internal sealed class TrendWatcher(TableClient trends, QueueClient jobs, QueueClient poison)
{
    private static readonly TimeSpan QueuePoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MinScanGap = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyDictionary<string, ActivityRow>> ActivityAsync(CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, ActivityRow>(StringComparer.Ordinal);
        await foreach (var e in trends.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {AppShapes.ActivityRowKey}"), cancellationToken: cancellationToken))
        {
            rows[e.PartitionKey] = new ActivityRow(e.PartitionKey, e.GetDateTimeOffset("LastArrivedAt"), e.GetDateTimeOffset("LastComputedAt"), e.Timestamp);
        }

        return rows;
    }

    public async Task<int> QueueLengthAsync(CancellationToken cancellationToken) =>
        (await jobs.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    public async Task<int> PoisonLengthAsync(CancellationToken cancellationToken) =>
        (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    /// <summary>True when the service was computed after the <paramref name="before"/> snapshot.</summary>
    public static bool Advanced(string service, IReadOnlyDictionary<string, ActivityRow> now, IReadOnlyDictionary<string, ActivityRow> before) =>
        now.TryGetValue(service, out var row) && row.LastComputedAt is { } computed &&
        (!before.TryGetValue(service, out var was) || was.LastComputedAt is not { } previous || computed > previous);

    /// <summary>
    /// Waits until every expected service has been computed since <paramref name="before"/> and the
    /// queue is empty. Fails when messages went to the poison queue, or after <paramref name="timeout"/>.
    /// </summary>
    public async Task<WaitResult> WaitAsync(
        DateTimeOffset triggeredAt,
        Stopwatch clock,
        IReadOnlyCollection<string> expected,
        IReadOnlyDictionary<string, ActivityRow> before,
        TimeSpan timeout,
        Func<string> appOutput,
        CancellationToken cancellationToken)
    {
        var poisonBefore = await PoisonLengthAsync(cancellationToken);
        var scans = 0;
        var polls = 0;
        var lastScan = -MinScanGap;
        var nextProgress = ProgressEvery;
        TimeSpan? allQueuedBy = null;
        while (true)
        {
            if (clock.Elapsed > timeout)
            {
                var rows = await ActivityAsync(cancellationToken);
                throw new TimeoutException(
                    $"After {timeout.TotalMinutes:N1} min {expected.Count(s => Advanced(s, rows, before)):N0} of {expected.Count:N0} services were computed " +
                    $"and {await QueueLengthAsync(cancellationToken):N0} messages were still queued. The app said:{Environment.NewLine}{appOutput()}");
            }

            var queued = await QueueLengthAsync(cancellationToken);
            var seenAt = clock.Elapsed;
            polls++;
            var progressDue = clock.Elapsed >= nextProgress;
            if ((queued == 0 && clock.Elapsed - lastScan >= MinScanGap) || progressDue)
            {
                var rows = await ActivityAsync(cancellationToken);
                scans++;
                lastScan = clock.Elapsed;
                var done = expected.Count(s => Advanced(s, rows, before));
                if (allQueuedBy is null && queued + done >= expected.Count)
                {
                    allQueuedBy = seenAt;
                }

                if (progressDue)
                {
                    Console.WriteLine($"    {clock.Elapsed.TotalSeconds,6:N0} s: {done:N0} of {expected.Count:N0} services computed, {queued:N0} messages queued");
                    nextProgress += ProgressEvery;
                }

                if (queued == 0 && done == expected.Count && await QueueLengthAsync(cancellationToken) == 0)
                {
                    var lastWrite = expected.Max(s => rows[s].WrittenAt ?? DateTimeOffset.MinValue) - triggeredAt;
                    return new WaitResult(seenAt, lastWrite, allQueuedBy, scans, polls, rows);
                }

                var poisoned = await PoisonLengthAsync(cancellationToken) - poisonBefore;
                if (queued == 0 && poisoned > 0)
                {
                    throw new InvalidOperationException(
                        $"{poisoned:N0} trend jobs failed five times and went to {AppShapes.Poison(AppShapes.TrendJobsQueue)}; " +
                        $"{done:N0} of {expected.Count:N0} services were computed. The app said:{Environment.NewLine}{appOutput()}");
                }
            }

            await Task.Delay(QueuePoll, cancellationToken);
        }
    }
}
