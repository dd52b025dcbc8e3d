using TakeUp.Domain.Measures;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Tests.Measures;

public class TakeUpFiguresTests
{
    [Fact]
    public void Digital_take_up_counts_assisted_digital_as_digital_and_the_2013_measure_does_not()
    {
        var counts = ChannelCounts.Empty
            .With(new CountKey(Channel.Online, AssistedSupport.None), 70)
            .With(new CountKey(Channel.Online, AssistedSupport.InPerson), 10)
            .With(new CountKey(Channel.Phone, AssistedSupport.None), 20);

        var figures = TakeUpFigures.From(counts);

        Assert.Equal(0.8, figures.DigitalTakeUp.Value);
        Assert.Equal(0.7, figures.IndependentDigitalTakeUp.Value);
        Assert.Equal(0.125, figures.AssistedDigitalShare.Value);
        Assert.Equal("digital-take-up", figures.DigitalTakeUp.Method.Name);
        Assert.Equal("independent-digital-take-up", figures.IndependentDigitalTakeUp.Method.Name);
    }

    [Fact]
    public void No_transactions_gives_no_figure_rather_than_zero_percent()
    {
        var figures = TakeUpFigures.From(ChannelCounts.Empty);

        Assert.Null(figures.DigitalTakeUp.Value);
        Assert.Null(figures.AssistedDigitalShare.Value);
    }
}
