using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TakeUp.Functions.Startup;
using TakeUp.LocalHost.Worker;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>
/// The app's real worker, built by the app's own builder, hosted in the test process and driven by
/// the local host over gRPC, the way <c>func start</c> drives it. Like WebApplicationFactory, the
/// test can replace services (a fake clock, stand-ins). Its HTTP server is a TestServer, so many
/// workers can run at once without ports.
/// </summary>
public sealed class InProcessWorker
{
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private volatile IHost? _current;

    public InProcessWorker(Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string> settings)
    {
        _configureServices = configureServices;
        _settings = settings;
        Launcher = new InProcessWorkerLauncher(Build);
    }

    public IWorkerLauncher Launcher { get; }

    /// <summary>Routes the host's forwarded requests to whichever worker is current.</summary>
    public HttpMessageHandler HttpHandler => new CurrentWorkerHandler(this);

    public IServiceProvider Services => (_current ?? throw new InvalidOperationException("The worker has not started.")).Services;

    /// <summary>
    /// Stops the worker first, so its gRPC stream closes and the host's server has nothing to wait
    /// for when it stops (the order the reference gives: worker, stream, host).
    /// </summary>
    public async Task StopAsync()
    {
        if (_current is { } host)
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await host.StopAsync(quick.Token);
            host.Dispose();
        }
    }

    private IHost Build(WorkerLaunchContext context)
    {
        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", context.AppDirectory);
        var builder = TakeUpWorker.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(context.Environment.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        builder.Configuration.AddInMemoryCollection(context.WorkerConfiguration);
        builder.Configuration.AddInMemoryCollection(_settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddSingleton<IServer, TestServer>();
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        builder.Services.AddSingleton<TimeProvider>(new TestClock(TestClock.DefaultStart));
        _configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        _current = host;
        return host;
    }

    private sealed class CurrentWorkerHandler(InProcessWorker worker) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var server = (TestServer)worker.Services.GetRequiredService<IServer>();
            using var invoker = new HttpMessageInvoker(server.CreateHandler(), disposeHandler: true);
            return invoker.SendAsync(request, cancellationToken);
        }
    }

    private sealed class NoSignalsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
