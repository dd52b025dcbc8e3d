using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Tests.Usage;

public class ChannelCountsTests
{
    private static readonly CountKey Online = new(Channel.Online, AssistedSupport.None);
    private static readonly CountKey OnlineAssisted = new(Channel.Online, AssistedSupport.Phone);
    private static readonly CountKey Api = new(Channel.Api, AssistedSupport.None);
    private static readonly CountKey Paper = new(Channel.Paper, AssistedSupport.None);

    [Fact]
    public void Totals_mode_replaces_the_stored_count_and_leaves_others_alone()
    {
        var stored = ChannelCounts.Empty.With(Online, 10).With(Paper, 5);

        var applied = stored.Apply([new(Online, 7)], CountingMode.Totals);

        Assert.Equal(7, applied[Online]);
        Assert.Equal(5, applied[Paper]);
    }

    [Fact]
    public void Increments_mode_adds_to_the_stored_count()
    {
        var stored = ChannelCounts.Empty.With(Online, 10);

        var applied = stored.Apply([new(Online, 7), new(Api, 1)], CountingMode.Increments);

        Assert.Equal(17, applied[Online]);
        Assert.Equal(1, applied[Api]);
    }

    [Fact]
    public void Digital_includes_api_and_assisted_and_excludes_offline_channels()
    {
        var counts = ChannelCounts.Empty.With(Online, 60).With(OnlineAssisted, 10).With(Api, 5).With(Paper, 25);

        Assert.Equal(100, counts.Total);
        Assert.Equal(75, counts.Digital);
        Assert.Equal(10, counts.AssistedDigital);
        Assert.Equal(65, counts.IndependentDigital);
    }

    [Fact]
    public void Counts_that_would_overflow_are_refused_rather_than_wrapped()
    {
        var counts = ChannelCounts.Empty.With(Online, long.MaxValue);

        Assert.Throws<OverflowException>(() => counts.Add(Online, 1));
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelCounts.Empty.With(Online, -1));
    }
}
