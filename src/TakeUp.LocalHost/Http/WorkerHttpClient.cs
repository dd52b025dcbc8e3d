using System.Net;

namespace TakeUp.LocalHost.Http;

/// <summary>
/// The client that carries forwarded requests to the worker's own server: a real socket handler by
/// default, or the handler a test supplies (for example a TestServer's, for a worker in-process).
/// </summary>
internal sealed class WorkerHttpClient(HttpMessageHandler? handler) : IDisposable
{
    public HttpMessageInvoker Invoker { get; } = new(handler ?? new SocketsHttpHandler
    {
        // A reverse proxy passes everything through as it is.
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    }, disposeHandler: handler is null);

    public void Dispose() => Invoker.Dispose();
}
