using Microsoft.Extensions.Options;
using TakeUp.Functions.Trends;

namespace TakeUp.Functions.Tests.Trends;

public class TrendComputationGateTests
{
    [Fact]
    public async Task No_more_than_the_configured_number_of_computations_run_at_once_and_a_slot_frees_the_next()
    {
        var gate = new TrendComputationGate(Options.Create(new TrendOptions { MaxConcurrentComputations = 2 }));

        var first = await gate.EnterAsync(CancellationToken.None);
        var second = await gate.EnterAsync(CancellationToken.None);
        var third = gate.EnterAsync(CancellationToken.None);
        var waitedWhileFull = third.IsCompleted;
        first.Dispose();
        first.Dispose(); // twice frees one slot, not two
        var entered = await third.WaitAsync(TimeSpan.FromSeconds(5));
        var fourth = gate.EnterAsync(CancellationToken.None);

        Assert.False(waitedWhileFull);
        Assert.False(fourth.IsCompleted);
        second.Dispose();
        (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        entered.Dispose();
    }

    [Fact]
    public async Task A_computation_waiting_for_a_slot_stops_waiting_when_cancelled()
    {
        var gate = new TrendComputationGate(Options.Create(new TrendOptions { MaxConcurrentComputations = 1 }));
        using var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
