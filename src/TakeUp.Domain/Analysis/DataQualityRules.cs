using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// Design §7, data quality: signs that the figures, not the service, are wrong. Each check gives
/// on-track when nothing is wrong, at-risk when something should be looked at, and not-judged when there
/// is too little data to tell. Only a feed late by more than twice its allowance is missed: from then on
/// every figure is incomplete. All thresholds here are this project's choices (docs/method.md).
/// </summary>
public static class DataQualityRules
{
    public const string FeedLateRule = "feed-late";
    public const string ChannelDroppedRule = "channel-dropped";
    public const string FullDigitalWithOfflineChannelsRule = "full-digital-with-offline-channels";
    public const string SessionsExceedAssistedRule = "sessions-exceed-assisted";

    /// <summary>Days of grace after a daily feed's expected gap.</summary>
    public const int DailyGraceDays = 1;

    /// <summary>Days of grace after a weekly feed's expected gap.</summary>
    public const int WeeklyGraceDays = 2;

    /// <summary>Days of grace after a monthly feed's expected gap.</summary>
    public const int MonthlyGraceDays = 3;

    /// <summary>A feed this many times its allowance late is missed, not just at risk.</summary>
    public const int MissedAfterAllowances = 2;

    /// <summary>Weeks before the latest in which a channel must have had volume for a drop to zero to count.</summary>
    public const int ChannelDropWeeksBefore = 4;

    /// <summary>A channel counts as having had volume with at least the minimum weekly volume over this, each week (at least 1).</summary>
    public const int ChannelDropVolumeDivisor = 10;

    /// <summary>Weeks of sessions and assisted transactions compared.</summary>
    public const int SessionsWindowWeeks = 4;

    /// <summary>Sessions may exceed the assisted digital transactions reported by this factor (some sessions end without a transaction) …</summary>
    public const double SessionsFactor = 1.5;

    /// <summary>… plus this many, so that small numbers are not flagged.</summary>
    public const int SessionsAllowance = 10;

    /// <summary>The days a feed of this frequency may be quiet before it is late: its <see cref="FeedFrequency.Days"/> plus the grace.</summary>
    public static int AllowedDays(FeedFrequency frequency)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        return frequency.Days + GraceDays(frequency);
    }

    public static int GraceDays(FeedFrequency frequency)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        if (ReferenceEquals(frequency, FeedFrequency.Daily))
        {
            return DailyGraceDays;
        }

        if (ReferenceEquals(frequency, FeedFrequency.Weekly))
        {
            return WeeklyGraceDays;
        }

        return ReferenceEquals(frequency, FeedFrequency.Monthly)
            ? MonthlyGraceDays
            : throw new ArgumentException($"'{frequency}' is not a known feed frequency.", nameof(frequency));
    }

    /// <summary>
    /// <c>feed-late</c>: usage should arrive at least every <see cref="FeedFrequency.Days"/> days. Late
    /// (at risk) once more than <see cref="AllowedDays"/> have passed since it last arrived; missed after
    /// more than twice that. Elapsed time is exact (an instant minus an instant), so clock changes do not
    /// move it. Not judged when nothing has ever arrived.
    /// </summary>
    /// <param name="lastArrived">When usage for the service last arrived, or null if never.</param>
    /// <param name="now">The instant of the check.</param>
    public static TargetEvaluation FeedLate(FeedFrequency frequency, DateTimeOffset? lastArrived, DateTimeOffset now)
    {
        var allowed = AllowedDays(frequency);
        var missedAfter = allowed * MissedAfterAllowances;
        double? hours = lastArrived is { } last ? (now - last).TotalHours : null;

        TargetEvaluation Result(TargetStatus status, string reason) => new(FeedLateRule, status, reason,
        [
            KeyValuePair.Create("hours-since-last-arrival", hours),
            KeyValuePair.Create("allowed-days", (double?)allowed),
            KeyValuePair.Create("missed-after-days", (double?)missedAfter),
        ]);

        var expectation = $"a {frequency.Name} feed is late after {Wording.Plural(allowed, "day", "days")} "
            + $"({frequency.Days} plus {Wording.Plural(GraceDays(frequency), "day's", "days'")} grace)";
        if (lastArrived is not { } arrived)
        {
            return Result(TargetStatus.NotJudged, $"No usage has arrived for this service yet, so its {frequency.Name} feed cannot be late.");
        }

        var elapsed = now - arrived;
        var ago = $"Usage last arrived {Wording.Number(Math.Max(0, elapsed.TotalDays))} days ago, on {Wording.Date(UkTime.DateOf(arrived))}";
        if (elapsed > TimeSpan.FromDays(missedAfter))
        {
            return Result(TargetStatus.Missed, $"{ago}: {expectation}, and this is more than twice that, so every figure since is incomplete.");
        }

        return elapsed > TimeSpan.FromDays(allowed)
            ? Result(TargetStatus.AtRisk, $"{ago}: {expectation}.")
            : Result(TargetStatus.OnTrack, $"{ago}; {expectation}.");
    }

    /// <summary>
    /// <c>channel-dropped</c>: a channel that had at least max(1, minimum volume / 10) transactions in each
    /// of the 4 weeks before the latest complete week, and none in it — probably a feed that stopped
    /// sending that channel. Names every such channel. Not judged without those 5 weeks.
    /// </summary>
    public static TargetEvaluation ChannelDroppedToZero(IReadOnlyList<PeriodCounts> weeks, TrendSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var complete = WeeklySeries.CompleteBefore(weeks, asOf);
        var threshold = Math.Max(1, settings.MinimumVolume / ChannelDropVolumeDivisor);
        var latest = complete.Count == 0 ? null : complete[^1];
        var before = latest is null
            ? []
            : WeeklySeries.Last(complete, ChannelDropWeeksBefore + 1).SkipLast(1).ToList();
        var judged = latest is not null && before.Count == ChannelDropWeeksBefore;

        var figures = new List<KeyValuePair<string, double?>>();
        var dropped = new List<Channel>();
        foreach (var channel in Channel.All)
        {
            long? now = judged ? latest!.Counts.ForChannel(channel) : null;
            long? lowest = judged ? before.Min(w => w.Counts.ForChannel(channel)) : null;
            figures.Add(KeyValuePair.Create($"{channel.Name}-latest-week", (double?)now));
            figures.Add(KeyValuePair.Create($"{channel.Name}-lowest-of-4-weeks-before", (double?)lowest));
            if (judged && now == 0 && lowest >= threshold)
            {
                dropped.Add(channel);
            }
        }

        figures.Insert(0, KeyValuePair.Create("threshold-per-week", (double?)threshold));
        figures.Insert(0, KeyValuePair.Create("channels-dropped", judged ? (double?)dropped.Count : null));
        if (!judged)
        {
            return new TargetEvaluation(ChannelDroppedRule, TargetStatus.NotJudged,
                $"A drop to zero is judged on the latest complete week and the {ChannelDropWeeksBefore} weeks before it, and the data does not cover them yet.",
                figures);
        }

        if (dropped.Count == 0)
        {
            return new TargetEvaluation(ChannelDroppedRule, TargetStatus.OnTrack,
                $"No channel that had at least {Wording.Number(threshold)} transactions a week in the {ChannelDropWeeksBefore} weeks before {latest!.Period.Label} fell to zero in it.",
                figures);
        }

        var names = Join(dropped.Select(c => c.Name));
        var which = dropped.Count == 1 ? $"The {names} channel" : $"The {names} channels";
        return new TargetEvaluation(ChannelDroppedRule, TargetStatus.AtRisk,
            $"{which} had no transactions in {latest!.Period.Label}, after at least {Wording.Number(threshold)} in each of the {ChannelDropWeeksBefore} weeks before: "
            + "probably the feed stopped sending them.",
            figures);
    }

    /// <summary>
    /// <c>full-digital-with-offline-channels</c>: the latest complete week is 100% digital, with at least the
    /// minimum volume, while the catalogue lists offline channels for the service — probably a feed that
    /// sends only its digital channels. Not judged below the minimum volume.
    /// </summary>
    public static TargetEvaluation FullDigitalWithOfflineChannels(
        IReadOnlyList<PeriodCounts> weeks, IReadOnlyList<Channel> offlineChannels, TrendSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(offlineChannels);
        ArgumentNullException.ThrowIfNull(settings);
        var complete = WeeklySeries.CompleteBefore(weeks, asOf);
        var latest = complete.Count == 0 ? null : complete[^1];
        long? total = latest?.Counts.Total;
        long? digital = latest?.Counts.Digital;

        TargetEvaluation Result(TargetStatus status, string reason) => new(FullDigitalWithOfflineChannelsRule, status, reason,
        [
            KeyValuePair.Create("transactions", (double?)total),
            KeyValuePair.Create("digital", (double?)digital),
            KeyValuePair.Create("digital-take-up", total is > 0 ? (double?)digital / total : null),
            KeyValuePair.Create("offline-channels-listed", (double?)offlineChannels.Count),
        ]);

        if (latest is null || total < settings.MinimumVolume)
        {
            return Result(TargetStatus.NotJudged,
                $"The latest complete week has fewer than {Wording.Number(settings.MinimumVolume)} transactions, too few to judge whether offline channels are missing.");
        }

        if (offlineChannels.Count == 0)
        {
            return Result(TargetStatus.OnTrack, "The catalogue lists no offline channels for this service, so 100% digital take-up is expected.");
        }

        var listed = Join(offlineChannels.Select(c => c.Name));
        return digital == total
            ? Result(TargetStatus.AtRisk,
                $"All {Wording.Number(total!.Value)} transactions in {latest.Period.Label} were digital, but the catalogue lists {listed} for this service: "
                + "probably the feed is missing its offline channels.")
            : Result(TargetStatus.OnTrack,
                $"{latest.Period.Label} has transactions from offline channels, as the catalogue's {listed} lead to expect.");
    }

    /// <summary>
    /// <c>sessions-exceed-assisted</c>: over the last 4 complete weeks, assisted sessions logged (by London
    /// date) above 1.5 × the assisted digital transactions the feed reports, plus 10 — probably a feed that
    /// does not flag assisted transactions, or sessions logged twice. Not judged without those 4 weeks.
    /// </summary>
    public static TargetEvaluation SessionsExceedAssisted(IReadOnlyList<PeriodCounts> weeks, IEnumerable<AssistedSession> sessions, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var complete = WeeklySeries.CompleteBefore(weeks, asOf);
        var window = WeeklySeries.Last(complete, SessionsWindowWeeks);
        var judged = window.Count == SessionsWindowWeeks;
        long? logged = null, assisted = null;
        double? limit = null;
        if (judged)
        {
            var from = window[0].Period.Start;
            var to = window[^1].Period.End;
            logged = sessions.LongCount(s =>
            {
                var day = UkTime.DateOf(s.When);
                return day >= from && day <= to;
            });
            assisted = Rollup.Total(window).AssistedDigital;
            limit = SessionsFactor * assisted.Value + SessionsAllowance;
        }

        TargetEvaluation Result(TargetStatus status, string reason) => new(SessionsExceedAssistedRule, status, reason,
        [
            KeyValuePair.Create("sessions-logged", (double?)logged),
            KeyValuePair.Create("assisted-digital-transactions", (double?)assisted),
            KeyValuePair.Create("limit", limit),
        ]);

        if (!judged)
        {
            return Result(TargetStatus.NotJudged,
                $"Sessions are compared with assisted digital transactions over the last {SessionsWindowWeeks} complete weeks, and the data does not cover them yet.");
        }

        var situation = $"{Wording.Plural(logged!.Value, "assisted session was", "assisted sessions were")} logged in the last {SessionsWindowWeeks} weeks, "
            + $"and the feed reports {Wording.Plural(assisted!.Value, "assisted digital transaction", "assisted digital transactions")}";
        return logged > limit
            ? Result(TargetStatus.AtRisk,
                $"{situation}: more than 1.5 times as many plus 10 ({Wording.Number(limit!.Value)}). "
                + "Probably the feed is not flagging assisted transactions, or sessions are being logged twice.")
            : Result(TargetStatus.OnTrack, $"{situation}; up to {Wording.Number(limit!.Value)} sessions would be expected.");
    }

    private static string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
