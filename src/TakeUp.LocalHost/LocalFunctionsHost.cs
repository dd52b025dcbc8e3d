using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Admin;
using TakeUp.LocalHost.Configuration;
using TakeUp.LocalHost.Functions;
using TakeUp.LocalHost.Grpc;
using TakeUp.LocalHost.Http;
using TakeUp.LocalHost.Queues;
using TakeUp.LocalHost.Storage;
using TakeUp.LocalHost.Timers;
using TakeUp.LocalHost.Worker;

namespace TakeUp.LocalHost;

/// <summary>
/// A local Azure Functions host: it serves the host's gRPC FunctionRpc endpoint to a real .NET
/// isolated worker, loads the functions the worker reports, serves HTTP functions (forwarding to
/// the worker's own server), polls queues and fires timers with the host's semantics, exposes the
/// admin API, and starts Azurite when the app uses development storage.
/// </summary>
/// <example>
/// A test that hosts the worker in its own process:
/// <code>
/// await using var host = await LocalFunctionsHost.StartAsync(new LocalFunctionsHostOptions
/// {
///     AppDirectory = AppContext.BaseDirectory,
///     HttpPort = 0,
///     WorkerLauncher = new InProcessWorkerLauncher(context => BuildWorker(context)),
///     WorkerHttpHandler = testServerHandler,
/// });
/// await host.WaitForWorkerAsync(cancellationToken);
/// var response = await host.CreateHttpClient().GetAsync("api/items/1");
/// </code>
/// </example>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WorkerSession _session;
    private int _disposed;

    private LocalFunctionsHost(WebApplication app, Uri httpAddress, LocalHostRuntime runtime, HostKeys keys)
    {
        _app = app;
        HttpAddress = httpAddress;
        GrpcEndpoint = runtime.GrpcEndpoint;
        DataDirectory = runtime.DataDirectory;
        MasterKey = keys.MasterKey;
        _session = app.Services.GetRequiredService<WorkerSession>();
    }

    /// <summary>Where HTTP functions and the admin API are served, e.g. <c>http://localhost:7071/</c>.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The gRPC address workers dial (<c>--functions-uri</c>).</summary>
    public Uri GrpcEndpoint { get; }

    /// <summary>The host's state folder (<c>host-keys.json</c>, <c>timers/</c>, <c>azurite/</c>).</summary>
    public string DataDirectory { get; }

    /// <summary>The master key the admin API requires in <c>x-functions-key</c>.</summary>
    public string MasterKey { get; }

    /// <summary>The functions of the worker that is ready now; empty while none is.</summary>
    public IReadOnlyList<LocalFunction> Functions => _session.Current?.Functions ?? [];

    /// <summary>Counts workers started: 1 for the first, 2 after the first restart, and so on; 0 while none is ready.</summary>
    public int WorkerGeneration => _session.Current?.Generation ?? 0;

    /// <summary>The Azurite this host started, if any (null when storage is elsewhere or already running).</summary>
    public AzuriteProcess? StartedAzurite => _app.Services.GetRequiredService<AzuriteService>().Azurite;

    /// <summary>Starts the host; the worker starts in the background (see <see cref="WaitForWorkerAsync"/>).</summary>
    /// <exception cref="LocalHostConfigurationException">The app folder or a setting is wrong, or the port is taken; the message says what to do.</exception>
    public static async Task<LocalFunctionsHost> StartAsync(LocalFunctionsHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var app = FunctionAppFolder.Read(options.AppDirectory);
        var settings = new AppSettings(AppSettings.UnderEnvironment(app.LocalSettingsValues), options.AppSettings.AsReadOnly());
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(Environment.CurrentDirectory, ".data"));
        Directory.CreateDirectory(dataDirectory);
        var grpcPort = FreeLoopbackPort();
        var runtime = new LocalHostRuntime(app, settings, dataDirectory, new Uri($"http://127.0.0.1:{grpcPort}/"), options);
        var httpPort = options.HttpPort ?? app.LocalHttpPort ?? LocalFunctionsHostOptions.DefaultHttpPort;
        var keys = HostKeys.LoadOrCreate(dataDirectory, options.MasterKey);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory, ApplicationName = "TakeUp.LocalHost" });
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);

        // The host's own lines and the worker's; ASP.NET Core's and the proxy's per-request chatter only when asked for.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            if (httpPort == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(httpPort);
            }
        });

        var services = builder.Services;
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        services.AddHttpForwarder();
        services.AddSingleton(runtime);
        services.AddSingleton(settings);
        services.AddSingleton(app.HostJson);
        services.AddSingleton(keys);
        services.Replace(ServiceDescriptor.Singleton(options.TimeProvider));
        services.AddSingleton<WorkerConnections>();
        services.AddSingleton<WorkerSession>();
        services.AddSingleton<InvocationRegistry>();
        services.AddSingleton<QueueClients>();
        services.AddSingleton<OutputBindingWriter>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<ScheduleMonitor>();
        services.AddSingleton<FunctionEndpointDataSource>();
        services.AddSingleton<HttpFunctionHandler>();
        services.AddSingleton(_ => new WorkerHttpClient(options.WorkerHttpHandler));
        services.AddSingleton(provider => options.WorkerLauncher
            ?? new ChildProcessWorkerLauncher(provider.GetRequiredService<ILogger<ChildProcessWorkerLauncher>>()) { BuildHint = options.BuildHint });

        // Started in this order and stopped in reverse: Azurite first and last; triggers stop (and
        // drain) before the worker is terminated.
        services.AddSingleton<AzuriteService>();
        services.AddHostedService(provider => provider.GetRequiredService<AzuriteService>());
        services.AddHostedService<WorkerSupervisor>();
        services.AddSingleton<TriggerHost>();
        services.AddHostedService(provider => provider.GetRequiredService<TriggerHost>());

        var web = builder.Build();
        web.Use(StartupGate(grpcPort, options.WorkerStartTimeout));
        web.UseRouting();
        web.MapGrpcService<FunctionRpcService>();
        web.MapAdmin();
        ((IEndpointRouteBuilder)web).DataSources.Add(web.Services.GetRequiredService<FunctionEndpointDataSource>());
        web.MapFallback(context => Problems.WriteAsync(context, StatusCodes.Status404NotFound, "No function here",
            $"No function answers {context.Request.Method} {context.Request.Path}."));

        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await web.DisposeAsync();
            throw new LocalHostConfigurationException(
                $"Port {httpPort} is taken (is another host or 'func start' running?). Stop it, or choose another port with --port.", ex);
        }
        catch (Exception)
        {
            await web.DisposeAsync();
            throw;
        }

        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .First(a => a.Port != grpcPort);
        var httpAddress = new Uri($"http://localhost:{address.Port}/");
        var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalFunctionsHost>();
        LocalHostLog.Listening(logger, httpAddress.AbsoluteUri);
        LocalHostLog.MasterKeyLocation(logger, keys.Path);
        return new LocalFunctionsHost(web, httpAddress, runtime, keys);
    }

    /// <summary>Waits until a worker has connected and loaded its functions.</summary>
    public async Task<IReadOnlyList<LocalFunction>> WaitForWorkerAsync(CancellationToken cancellationToken = default) =>
        (await _session.WhenReadyAsync(cancellationToken)).Functions;

    /// <summary>Waits until a worker of at least <paramref name="generation"/> is ready (after a restart).</summary>
    public async Task WaitForWorkerGenerationAsync(int generation, CancellationToken cancellationToken = default)
    {
        while ((await _session.WhenReadyAsync(cancellationToken)).Generation < generation)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>A client for <see cref="HttpAddress"/>.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = HttpAddress };

    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task RunUntilStoppedAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops triggers, terminates the worker (killing it after a timeout), then stops Azurite gracefully.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Requests wait while no worker is ready (start-up, restart) so that routing sees the worker's
    /// functions; function routes are not served on the gRPC port.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> StartupGate(int grpcPort, TimeSpan timeout) => async (context, next) =>
    {
        if (context.Connection.LocalPort == grpcPort)
        {
            if (!(context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) ?? false))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
            return;
        }

        var session = context.RequestServices.GetRequiredService<WorkerSession>();
        if (session.Current is null)
        {
            try
            {
                await session.WhenReadyAsync(context.RequestAborted).WaitAsync(timeout, context.RequestAborted);
            }
            catch (TimeoutException)
            {
                await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The worker is not running",
                    "No worker is ready: see the host's log for why it did not start.");
                return;
            }
        }

        await next(context);
    };

    private static int FreeLoopbackPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
