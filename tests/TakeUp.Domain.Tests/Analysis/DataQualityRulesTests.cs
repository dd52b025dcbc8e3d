using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using static TakeUp.Domain.Tests.Analysis.Build;

namespace TakeUp.Domain.Tests.Analysis;

public class DataQualityRulesTests
{
    private static readonly TrendSettings Settings = TrendSettings.Default;

    /// <summary>Monday: the latest complete week is that of 30 March 2026.</summary>
    private static readonly DateOnly AsOf = Date("2026-04-06");

    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-05-20T12:00:00+01:00");

    [Theory]
    [InlineData("daily", 2 * 24 * 3600, TargetStatus.OnTrack)]
    [InlineData("daily", 2 * 24 * 3600 + 1, TargetStatus.AtRisk)] // 1 day + 1 day's grace
    [InlineData("daily", 4 * 24 * 3600, TargetStatus.AtRisk)]
    [InlineData("daily", 4 * 24 * 3600 + 1, TargetStatus.Missed)] // twice the allowance
    [InlineData("weekly", 9 * 24 * 3600, TargetStatus.OnTrack)]
    [InlineData("weekly", 9 * 24 * 3600 + 1, TargetStatus.AtRisk)] // 7 days + 2
    [InlineData("weekly", 18 * 24 * 3600 + 1, TargetStatus.Missed)]
    [InlineData("monthly", 34 * 24 * 3600, TargetStatus.OnTrack)]
    [InlineData("monthly", 34 * 24 * 3600 + 1, TargetStatus.AtRisk)] // 31 days + 3
    [InlineData("monthly", 68 * 24 * 3600, TargetStatus.AtRisk)]
    [InlineData("monthly", 68 * 24 * 3600 + 1, TargetStatus.Missed)]
    public void A_feed_is_late_after_its_frequency_plus_grace_and_missed_after_twice_that(string frequency, int secondsAgo, TargetStatus status)
    {
        Assert.True(FeedFrequency.TryParse(frequency, out var feed));

        var result = DataQualityRules.FeedLate(feed, Now.AddSeconds(-secondsAgo), Now);

        Assert.Equal(status, result.Status);
        Assert.Equal("feed-late", result.Rule);
        Assert.Equal(secondsAgo / 3600.0, result.Figure("hours-since-last-arrival")!.Value, 9);
    }

    [Fact]
    public void Lateness_is_measured_in_elapsed_time_across_a_clock_change()
    {
        // Noon GMT on Saturday 28 March to noon UTC (13:00 BST) on Monday 30 March 2026: 48 hours, though the London clock moved 49.
        var last = DateTimeOffset.Parse("2026-03-28T12:00:00Z");

        var onTime = DataQualityRules.FeedLate(FeedFrequency.Daily, last, DateTimeOffset.Parse("2026-03-30T13:00:00+01:00"));
        var late = DataQualityRules.FeedLate(FeedFrequency.Daily, last, DateTimeOffset.Parse("2026-03-30T13:00:01+01:00"));

        Assert.Equal(TargetStatus.OnTrack, onTime.Status);
        Assert.Equal(TargetStatus.AtRisk, late.Status);
        Assert.Contains("on 28 March 2026", late.Reason);
        Assert.Contains("a daily feed is late after 2 days (1 plus 1 day's grace)", late.Reason);
    }

    [Fact]
    public void A_feed_that_never_arrived_is_not_judged()
    {
        Assert.Equal(TargetStatus.NotJudged, DataQualityRules.FeedLate(FeedFrequency.Weekly, null, Now).Status);
    }

    [Fact]
    public void A_channel_with_volume_in_each_of_the_four_weeks_before_and_none_in_the_latest_is_flagged_by_name()
    {
        var weeks = Weeks("2026-03-02",
            Counts(online: 500, phone: 10, paper: 40),
            Counts(online: 500, phone: 12, paper: 30),
            Counts(online: 500, phone: 11, paper: 20),
            Counts(online: 500, phone: 10, paper: 9), // paper below 10 a week: not enough to judge a drop
            Counts(online: 520));

        var result = DataQualityRules.ChannelDroppedToZero(weeks, Settings, AsOf);

        Assert.Equal(TargetStatus.AtRisk, result.Status);
        Assert.Equal("channel-dropped", result.Rule);
        Assert.Contains("The phone channel had no transactions in 2026-W14", result.Reason);
        Assert.DoesNotContain("paper", result.Reason);
        Assert.Equal(1, result.Figure("channels-dropped"));
        Assert.Equal(10, result.Figure("threshold-per-week"));
        Assert.Equal(10, result.Figure("phone-lowest-of-4-weeks-before"));
        Assert.Equal(0, result.Figure("phone-latest-week"));
    }

    [Fact]
    public void Two_channels_dropping_together_are_both_named()
    {
        var steady = Counts(online: 500, phone: 50, paper: 50);
        var weeks = Weeks("2026-03-02", steady, steady, steady, steady, Counts(online: 500));

        var result = DataQualityRules.ChannelDroppedToZero(weeks, Settings, AsOf);

        Assert.Contains("The phone and paper channels", result.Reason);
        Assert.Equal(2, result.Figure("channels-dropped"));
    }

    [Fact]
    public void A_channel_still_above_zero_or_a_series_too_short_is_not_flagged()
    {
        var steady = Counts(online: 500, phone: 50);
        var dwindled = DataQualityRules.ChannelDroppedToZero(Weeks("2026-03-02", steady, steady, steady, steady, Counts(online: 500, phone: 1)), Settings, AsOf);
        var short4 = DataQualityRules.ChannelDroppedToZero(Weeks("2026-03-09", steady, steady, steady, Counts(online: 500)), Settings, AsOf);

        Assert.Equal(TargetStatus.OnTrack, dwindled.Status);
        Assert.Equal(TargetStatus.NotJudged, short4.Status);
    }

    [Fact]
    public void With_a_tiny_minimum_volume_a_channel_that_never_had_any_is_not_a_drop()
    {
        var weeks = Weeks("2026-03-02", Counts(online: 5), Counts(online: 5), Counts(online: 5), Counts(online: 5), Counts(online: 5));

        var result = DataQualityRules.ChannelDroppedToZero(weeks, new TrendSettings(MinimumVolume: 5), AsOf);

        Assert.Equal(TargetStatus.OnTrack, result.Status);
        Assert.Equal(1, result.Figure("threshold-per-week"));
    }

    [Fact]
    public void The_week_in_progress_is_not_the_latest_week()
    {
        var steady = Counts(online: 500, phone: 50);
        var weeks = Weeks("2026-03-02", steady, steady, steady, steady, steady, Counts(online: 10)); // the week of 6 April is not over

        Assert.Equal(TargetStatus.OnTrack, DataQualityRules.ChannelDroppedToZero(weeks, Settings, Date("2026-04-08")).Status);
    }

    [Fact]
    public void A_fully_digital_week_from_a_service_with_offline_channels_is_flagged()
    {
        var weeks = Weeks("2026-03-30", Counts(online: 90, assisted: 10));

        var result = DataQualityRules.FullDigitalWithOfflineChannels(weeks, [Channel.Phone, Channel.Paper], Settings, AsOf);

        Assert.Equal(TargetStatus.AtRisk, result.Status);
        Assert.Equal("full-digital-with-offline-channels", result.Rule);
        Assert.Contains("All 100 transactions in 2026-W14 were digital, but the catalogue lists phone and paper", result.Reason);
        Assert.Equal(1.0, result.Figure("digital-take-up"));
    }

    [Fact]
    public void Full_digital_is_fine_without_offline_channels_fine_with_any_offline_use_and_not_judged_below_the_minimum_volume()
    {
        Assert.Equal(TargetStatus.OnTrack,
            DataQualityRules.FullDigitalWithOfflineChannels(Weeks("2026-03-30", Counts(online: 100)), [], Settings, AsOf).Status);
        Assert.Equal(TargetStatus.OnTrack,
            DataQualityRules.FullDigitalWithOfflineChannels(Weeks("2026-03-30", Counts(online: 999, phone: 1)), [Channel.Phone], Settings, AsOf).Status);
        Assert.Equal(TargetStatus.NotJudged,
            DataQualityRules.FullDigitalWithOfflineChannels(Weeks("2026-03-30", Counts(online: 99)), [Channel.Phone], Settings, AsOf).Status);
        Assert.Equal(TargetStatus.NotJudged,
            DataQualityRules.FullDigitalWithOfflineChannels([], [Channel.Phone], Settings, AsOf).Status);
    }

    [Theory]
    [InlineData(40, TargetStatus.OnTrack)] // 1.5 × 20 + 10 = 40
    [InlineData(41, TargetStatus.AtRisk)]
    public void Sessions_far_above_the_assisted_transactions_reported_are_flagged(int sessions, TargetStatus status)
    {
        var weeks = Weeks("2026-03-09", Counts(online: 100, assisted: 5), Counts(online: 100, assisted: 5), Counts(online: 100, assisted: 5), Counts(online: 100, assisted: 5));
        var logged = Enumerable.Range(0, sessions).Select(i => Session(Noon("2026-03-09").AddDays(i % 28)))
            .Append(Session(Noon("2026-03-08"))) // the day before the four weeks
            .Append(Session(Noon("2026-04-06"))); // today

        var result = DataQualityRules.SessionsExceedAssisted(weeks, logged, AsOf);

        Assert.Equal(status, result.Status);
        Assert.Equal("sessions-exceed-assisted", result.Rule);
        Assert.Equal(sessions, result.Figure("sessions-logged"));
        Assert.Equal(20, result.Figure("assisted-digital-transactions"));
        Assert.Equal(40, result.Figure("limit"));
    }

    [Fact]
    public void Sessions_are_not_compared_without_four_complete_weeks()
    {
        var weeks = Weeks("2026-03-16", Counts(online: 100), Counts(online: 100), Counts(online: 100));

        var result = DataQualityRules.SessionsExceedAssisted(weeks, Enumerable.Range(0, 100).Select(_ => Session(Noon("2026-03-20"))), AsOf);

        Assert.Equal(TargetStatus.NotJudged, result.Status);
    }

    [Fact]
    public void The_allowances_and_graces_are_those_documented()
    {
        Assert.Equal((2, 9, 34), (DataQualityRules.AllowedDays(FeedFrequency.Daily), DataQualityRules.AllowedDays(FeedFrequency.Weekly), DataQualityRules.AllowedDays(FeedFrequency.Monthly)));
    }
}
