using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TakeUp.LocalHost.SampleApp;
using TakeUp.LocalHost.Worker;

namespace TakeUp.LocalHost.Tests.Support;

/// <summary>
/// The sample app's real worker hosted in the test process: built by the app's own builder, given
/// the host's connection settings as configuration, with a TestServer instead of Kestrel (so no
/// port is needed for its HTTP) and a lifetime that ignores the test runner's signals.
/// </summary>
public sealed class InProcessSampleWorker
{
    private volatile IHost? _current;

    public InProcessSampleWorker() => Launcher = new InProcessWorkerLauncher(Build);

    public IWorkerLauncher Launcher { get; }

    /// <summary>Routes the host's forwarded requests to whichever worker is current.</summary>
    public HttpMessageHandler HttpHandler => new CurrentWorkerHandler(this);

    public IHost Current => _current ?? throw new InvalidOperationException("No worker has been launched.");

    public InvocationRecorder Recorder => Current.Services.GetRequiredService<InvocationRecorder>();

    public HeldMessages Held => Current.Services.GetRequiredService<HeldMessages>();

    private IHost Build(WorkerLaunchContext context)
    {
        // Read by the worker from the process environment (the ASP.NET Core integration reads host.json there).
        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", context.AppDirectory);
        var builder = SampleAppHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(context.Environment.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        builder.Configuration.AddInMemoryCollection(context.WorkerConfiguration);
        builder.Services.AddSingleton<IServer, TestServer>();
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        var host = builder.Build();
        _current = host;
        return host;
    }

    private sealed class CurrentWorkerHandler(InProcessSampleWorker worker) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var server = (TestServer)worker.Current.Services.GetRequiredService<IServer>();
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
