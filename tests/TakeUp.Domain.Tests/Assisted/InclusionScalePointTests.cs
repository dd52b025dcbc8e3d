using TakeUp.Domain.Assisted;

namespace TakeUp.Domain.Tests.Assisted;

public class InclusionScalePointTests
{
    [Theory]
    [InlineData("1", "Never have, never will", true)]
    [InlineData("2", "Was online, but no longer", true)]
    [InlineData("3", "Willing and unable", true)]
    [InlineData("4", "Reluctantly online", false)]
    [InlineData("5", "Learning the ropes", false)]
    [InlineData("6", "Task specific", false)]
    [InlineData("7", "Basic digital skills", false)]
    [InlineData("8", "Confident", false)]
    [InlineData("9", "Expert", false)]
    public void Each_point_has_the_GDS_name_and_only_1_to_3_are_offline(string text, string name, bool offline)
    {
        Assert.True(InclusionScalePoint.TryParse(text, out var point));
        Assert.Equal(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture), point.Value);
        Assert.Equal(name, point.Name);
        Assert.Equal(offline, point.IsOffline);
        Assert.Equal(text, point.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("-1")]
    [InlineData("5.0")]
    [InlineData("five")]
    [InlineData(" 5")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_1_to_9_is_not_a_point(string? text)
    {
        Assert.False(InclusionScalePoint.TryParse(text, out _));
        Assert.Contains("1 (never have, never will) to 9 (expert)", InclusionScalePoint.UnknownReason(text));
    }

    [Fact]
    public void The_scale_has_nine_points_in_order()
    {
        Assert.Equal(Enumerable.Range(1, 9), InclusionScalePoint.All.Select(p => p.Value));
        Assert.Equal(InclusionScalePoint.Of(3), InclusionScalePoint.All[2]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void A_value_off_the_scale_is_refused(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionScalePoint.Of(value));
    }

    [Fact]
    public void The_default_value_is_not_a_point_and_says_so()
    {
        Assert.Throws<InvalidOperationException>(() => default(InclusionScalePoint).Name);
    }
}
