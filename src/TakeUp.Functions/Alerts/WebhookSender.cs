using System.Text;
using Microsoft.Extensions.Options;

namespace TakeUp.Functions.Alerts;

/// <summary>Posts an alert as signed JSON; anything but a 2xx answer is a failed delivery.</summary>
public sealed class WebhookSender(HttpClient http, IOptions<WebhookOptions> options, TimeProvider time)
{
    public async Task SendAsync(Uri target, string json, string deliveryId, CancellationToken cancellationToken)
    {
        var secret = options.Value.SigningSecret!;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, json));

        // Receivers may use it to drop a repeat, should one ever reach them.
        request.Headers.Add("Idempotency-Key", deliveryId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook at {target.Host} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
