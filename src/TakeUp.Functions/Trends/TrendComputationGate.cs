using Microsoft.Extensions.Options;

namespace TakeUp.Functions.Trends;

/// <summary>
/// How many services one instance recomputes at once (<c>Trends:MaxConcurrentComputations</c>).
/// The host hands a queue function up to batchSize plus newBatchThreshold messages at once (32 with
/// our host.json on 2 cores), which suits small usage batches; a trend job holds a service's whole
/// history and writes hundreds of rows eight at a time, so 32 of them at once only multiply memory
/// (seen: 1,100 storage requests in flight and the worker at 380 MB after the demo load) without
/// finishing sooner on the same cores. Waiting jobs keep their messages leased, as any running one.
/// </summary>
public sealed class TrendComputationGate(IOptions<TrendOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentComputations);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
