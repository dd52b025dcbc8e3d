using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TakeUp.Functions.Alerts;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>
/// Real HTTP servers on loopback standing in for GOV.UK Notify and a webhook receiver. The Notify
/// stand-in checks each call the way Notify does (JWT signed with the key's secret, issuer = the
/// service id, issued within 30 s; a body with an e-mail address, template and reference) and
/// answers 400/403 otherwise. The receiver checks the HMAC signature.
/// </summary>
public sealed class LocalReceivers : IAsyncDisposable
{
    public const string NotifyServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    public const string NotifySecret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public const string NotifyKey = "takeup_test-" + NotifyServiceId + "-" + NotifySecret;
    public const string AlertTemplate = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    public const string DigestTemplate = "0a6cf3b1-64f0-4c48-9e3d-8a6b3c9f0b11";
    public const string WebhookSecret = "test-webhook-secret";

    // Notify checks a token's iat against its own clock, and the official client signs with the
    // machine's clock (not the app's TimeProvider), so the stand-in plays Notify's wall clock.
    private static readonly TimeProvider NotifysClock = TimeProvider.System;

    private readonly WebApplication _app;

    private LocalReceivers(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Emails { get; } = new();

    public ConcurrentQueue<JsonElement> Webhooks { get; } = new();

    public ConcurrentQueue<string> RefusedCalls { get; } = new();

    /// <summary>How many webhook calls to answer 500 before accepting, to exercise retries.</summary>
    public int WebhookFailuresToGo;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri WebhookUrl => new(BaseUrl, "/hook");

    public Dictionary<string, string> Settings => new()
    {
        ["Notify:ApiKey"] = NotifyKey,
        ["Notify:BaseUrl"] = BaseUrl.ToString(),
        ["Notify:AlertTemplateId"] = AlertTemplate,
        ["Notify:DigestTemplateId"] = DigestTemplate,
        ["Webhooks:SigningSecret"] = WebhookSecret,
    };

    public static async Task<LocalReceivers> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receivers = new LocalReceivers(app);
        app.MapPost("/v2/notifications/email", (Delegate)receivers.NotifyEmailAsync);
        app.MapPost("/hook", (Delegate)receivers.WebhookAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receivers.BaseUrl = new Uri(address);
        return receivers;
    }

    private async Task<IResult> NotifyEmailAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || TokenProblem(authorization["Bearer ".Length..]) is { } tokenProblem)
        {
            RefusedCalls.Enqueue("notify token");
            return Results.Json(new { status_code = 403, errors = new[] { new { error = "AuthError", message = "Invalid token" } } }, statusCode: 403);
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var valid = root.TryGetProperty("email_address", out var email) && email.GetString()!.Contains('@')
            && root.TryGetProperty("template_id", out var template) && Guid.TryParse(template.GetString(), out _)
            && root.TryGetProperty("personalisation", out var personalisation) && personalisation.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("reference", out var reference) && !string.IsNullOrEmpty(reference.GetString());
        if (!valid)
        {
            RefusedCalls.Enqueue("notify body");
            return Results.Json(new { status_code = 400, errors = new[] { new { error = "BadRequestError", message = "Malformed request" } } }, statusCode: 400);
        }

        Emails.Enqueue(root.Clone());
        return Results.Json(new { id = Guid.NewGuid(), reference = root.GetProperty("reference").GetString() }, statusCode: 201);
    }

    private static string? TokenProblem(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return "not a JWT";
        }

        var expected = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(NotifySecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (expected != parts[2])
        {
            return "bad signature";
        }

        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        // The official client writes iat as a number with a fraction (1796115000.0); Notify accepts any JSON number.
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(claims.RootElement.GetProperty("iat").GetDouble() * 1000));
        return header.RootElement.GetProperty("alg").GetString() != "HS256" ? "not HS256"
            : claims.RootElement.GetProperty("iss").GetString() != NotifyServiceId ? "wrong issuer"
            : Math.Abs((issuedAt - NotifysClock.GetUtcNow()).TotalSeconds) > 30 ? "stale iat"
            : null;
    }

    private async Task<IResult> WebhookAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (!WebhookSignature.Verify(WebhookSecret, context.Request.Headers[WebhookSignature.TimestampHeader].ToString(), body,
                context.Request.Headers[WebhookSignature.SignatureHeader].ToString()))
        {
            RefusedCalls.Enqueue("webhook signature");
            return Results.StatusCode(401);
        }

        if (Interlocked.Decrement(ref WebhookFailuresToGo) >= 0)
        {
            return Results.StatusCode(500);
        }

        Webhooks.Enqueue(JsonDocument.Parse(body).RootElement.Clone());
        return Results.Ok();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - padded.Length % 4) % 4), '='));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
