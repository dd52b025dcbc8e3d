using System.Net;
using Microsoft.AspNetCore.Http;

namespace TakeUp.Hosting.Invocation;

internal static class LoopbackRequests
{
    /// <summary>
    /// True for callers on this machine. Invocation and admin endpoints run functions with no
    /// authentication, as the Functions host expects; they must not answer the network if the
    /// app is ever bound to a public address. A null address is an in-process test server.
    /// </summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);
}
