using System.Net;
using TakeUp.LocalHost.Tests.Support;
using TakeUp.LocalHost.Worker;

namespace TakeUp.LocalHost.Tests.Worker;

[Collection(LocalHostCollection.Name)]
public sealed class WorkerStartTests(AzuriteFixture storage)
{
    [Fact]
    public async Task A_worker_whose_start_stalls_is_given_up_on_after_the_start_timeout_and_started_again()
    {
        using var app = TestApp.Create();
        var worker = new InProcessSampleWorker();
        var launcher = new StallsFirstLaunch(worker.Launcher);
        var options = TestHosts.Options(app, storage, null, null);
        options.WorkerLauncher = launcher;
        options.WorkerHttpHandler = worker.HttpHandler;
        options.WorkerStartTimeout = TimeSpan.FromSeconds(2);
        await using var host = await LocalFunctionsHost.StartAsync(options);

        await host.WaitForWorkerGenerationAsync(2, Wait.Timeout());
        using var client = host.CreateHttpClient();
        var response = await client.GetAsync("api/Ping");

        Assert.Equal(2, launcher.Launches);
        Assert.True(launcher.FirstWasCancelled);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Its first launch never finishes by itself (as a start stalled in connecting would); later ones are real.</summary>
    private sealed class StallsFirstLaunch(IWorkerLauncher real) : IWorkerLauncher
    {
        private int _launches;

        public int Launches => Volatile.Read(ref _launches);

        public bool FirstWasCancelled { get; private set; }

        public async Task<IWorkerInstance> LaunchAsync(WorkerLaunchContext context, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _launches) == 1)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    FirstWasCancelled = true;
                    throw;
                }
            }

            return await real.LaunchAsync(context, cancellationToken);
        }
    }
}
