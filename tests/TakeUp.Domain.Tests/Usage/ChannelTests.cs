using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Tests.Usage;

public class ChannelTests
{
    [Theory]
    [InlineData("online", true)]
    [InlineData("api", true)]
    [InlineData("phone", false)]
    [InlineData("paper", false)]
    [InlineData("face-to-face", false)]
    [InlineData("other", false)]
    public void Each_channel_knows_whether_it_is_digital(string name, bool digital)
    {
        Assert.True(Channel.TryParse(name, out var channel));
        Assert.Equal(digital, channel.IsDigital);
        Assert.Equal(name, channel.Name);
    }

    [Theory]
    [InlineData("Online")]
    [InlineData("digital")]
    [InlineData("telephone_human")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_channels_are_rejected(string? name)
    {
        Assert.False(Channel.TryParse(name, out _));
        Assert.Contains("face-to-face", Channel.UnknownReason(name));
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("in-person", true)]
    [InlineData("phone", true)]
    [InlineData("webchat", true)]
    public void Assisted_values_parse_to_a_support_route(string text, bool assisted)
    {
        Assert.True(AssistedSupport.TryParse(text, out var support));
        Assert.Equal(assisted, support.IsAssisted);
    }

    [Fact]
    public void An_unknown_assisted_value_is_rejected()
    {
        Assert.False(AssistedSupport.TryParse("carrier-pigeon", out _));
    }
}
