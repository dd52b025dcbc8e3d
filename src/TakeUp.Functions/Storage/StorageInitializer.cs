using TakeUp.Functions.Logging;

namespace TakeUp.Functions.Storage;

/// <summary>
/// Creates the app's tables and queues. Runs in the background and keeps trying, so that the app
/// still starts (and its health endpoint can say what is down) while storage is unreachable.
/// </summary>
public sealed class StorageInitializer(StorageAccount storage, TimeProvider time, ILogger<StorageInitializer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes once every table and queue exists.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var table in TableNames.All)
                {
                    await storage.Table(table).CreateIfNotExistsAsync(stoppingToken);
                }

                foreach (var queue in QueueNames.All)
                {
                    await storage.Queue(queue).CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    await storage.Queue(queue + "-poison").CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                }

                _ready.TrySetResult();
                Log.StorageReady(logger, storage.Description);
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException || StorageOutage.Is(ex, stoppingToken))
            {
                Log.StorageNotReady(logger, storage.Description, delay, ex);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
