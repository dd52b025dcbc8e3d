using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using TakeUp.LocalHost.Functions;
using TakeUp.LocalHost.Grpc.Protocol;
using Yarp.ReverseProxy.Forwarder;

namespace TakeUp.LocalHost.Http;

/// <summary>
/// Runs an HTTP function the way the host does with a worker that advertises <c>HttpUri</c>
/// (the ASP.NET Core integration): it forwards the original request to the worker's own server
/// with <c>x-ms-invocation-id</c>, sends the InvocationRequest (route values in the trigger
/// metadata) at the same time, and streams the worker's response back unchanged.
/// </summary>
internal sealed class HttpFunctionHandler(
    WorkerSession session,
    FunctionInvoker invoker,
    IHttpForwarder forwarder,
    WorkerHttpClient workerHttp)
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly ForwarderRequestConfig RequestConfig = new()
    {
        ActivityTimeout = TimeSpan.FromMinutes(5),
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    public async Task HandleAsync(HttpContext context, string functionName)
    {
        var worker = session.Current;
        var function = worker?.Find(functionName);
        if (worker is null || function is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The worker is restarting", $"Function {functionName} is not loaded right now; try again shortly.");
            return;
        }

        if (worker.HttpUri is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status501NotImplemented, "The worker does not serve HTTP itself",
                "The worker did not advertise the HttpUri capability. The local host needs the ASP.NET Core integration: call ConfigureFunctionsWebApplication() in Program.cs.");
            return;
        }

        var invocationId = FunctionInvoker.NewInvocationId();
        var input = new TypedData
        {
            Http = new RpcHttp { Method = context.Request.Method, Url = context.Request.GetDisplayUrlSafe() },
        };
        var metadata = new Dictionary<string, TypedData>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is not null)
            {
                metadata[key] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
            }
        }

        metadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())) };

        // Forward first, then invoke, as the host does: the worker pairs the two by invocation id.
        var forwarding = forwarder.SendAsync(context, worker.HttpUri.AbsoluteUri, workerHttp.Invoker, RequestConfig, new InvocationTransformer(invocationId));
        var invocation = invoker.InvokeAsync(worker, function, invocationId, input, metadata, context.RequestAborted);

        var error = await forwarding;
        await invocation;
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            await Problems.WriteAsync(context, StatusCodes.Status502BadGateway, "The worker did not answer", $"Forwarding to the worker failed ({error}).");
        }
    }

    /// <summary>The default transform (path and query kept, hop-by-hop headers dropped) plus the invocation id and X-Forwarded-*.</summary>
    private sealed class InvocationTransformer(string invocationId) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Remove(InvocationIdHeader);
            proxyRequest.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", httpContext.Request.Host.Value);
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", httpContext.Request.Scheme);
            if (httpContext.Connection.RemoteIpAddress is { } remote)
            {
                proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", remote.ToString());
            }
        }
    }
}

internal static class HttpRequestUrlExtensions
{
    public static string GetDisplayUrlSafe(this HttpRequest request) =>
        $"{request.Scheme}://{request.Host.Value}{request.PathBase}{request.Path}{request.QueryString}";
}
