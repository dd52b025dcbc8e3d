using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.LocalHost.SampleApp;

public sealed class HttpFunctions
{
    /// <summary>A route with a constrained parameter and an optional one.</summary>
    [Function(nameof(GetItem))]
    public IActionResult GetItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id:int}/{detail?}")] HttpRequest request,
        int id,
        string? detail)
    {
        request.HttpContext.Response.Headers["x-sample-invocation"] = request.Headers["x-ms-invocation-id"].ToString();
        return new OkObjectResult(new { id, detail });
    }

    /// <summary>Echoes the body back, streamed, with the request's content type.</summary>
    [Function(nameof(Echo))]
    public async Task Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "echo")] HttpRequest request)
    {
        var response = request.HttpContext.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = request.ContentType ?? "application/octet-stream";
        response.Headers["x-sample-echo"] = "yes";
        await request.Body.CopyToAsync(response.Body, request.HttpContext.RequestAborted);
    }

    /// <summary>Reads the whole body and answers its length and SHA-256, so a large upload can be checked.</summary>
    [Function(nameof(Digest))]
    public async Task<IActionResult> Digest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "digest")] HttpRequest request)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }

        return new OkObjectResult(new { length, sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()) });
    }

    /// <summary>Writes {megabytes} MB of a repeatable pattern, streamed, so a large download can be checked.</summary>
    [Function(nameof(Download))]
    public async Task Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "download/{megabytes:int}")] HttpRequest request, int megabytes)
    {
        var response = request.HttpContext.Response;
        response.ContentType = "application/octet-stream";
        var chunk = new byte[1024 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)(i % 251);
        }

        for (var i = 0; i < megabytes; i++)
        {
            await response.Body.WriteAsync(chunk, request.HttpContext.RequestAborted);
        }
    }

    /// <summary>No route: the host uses the function's name.</summary>
    [Function(nameof(Ping))]
    public IActionResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head")] HttpRequest request) =>
        new ContentResult { Content = "pong", ContentType = "text/plain", StatusCode = 200 };
}

public sealed class CrashFunctions
{
    /// <summary>Ends the worker process at once, as a crash would (only the child-process tests call it).</summary>
    [Function(nameof(Crash))]
    public IActionResult Crash([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "crash")] HttpRequest request)
    {
        Environment.Exit(3);
        return new OkResult();
    }
}
