using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TakeUp.Functions.Alerts;

/// <summary>The e-mail Notify is asked to send.</summary>
public sealed record NotifyEmail(
    [property: JsonPropertyName("email_address")] string EmailAddress,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("personalisation")] IReadOnlyDictionary<string, string> Personalisation,
    [property: JsonPropertyName("reference")] string Reference);

/// <summary>Notify refused or failed to take an e-mail; the message says why, as Notify put it.</summary>
public sealed class NotifyException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// A thin client for GOV.UK Notify's e-mail API (<c>POST /v2/notifications/email</c>). Written here
/// because the GovukNotify package's dependencies cannot be restored in this build environment.
/// </summary>
public sealed class NotifyClient(HttpClient http, IOptions<NotifyOptions> options, TimeProvider time)
{
    /// <returns>The id Notify gave the notification.</returns>
    public async Task<string> SendEmailAsync(NotifyEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, "/v2/notifications/email"))
        {
            Content = JsonContent.Create(email),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", NotifyToken.Create(settings.ApiKey!, time.GetUtcNow()));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("takeup-functions", "1.0"));

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new NotifyException((int)response.StatusCode, $"Notify answered {(int)response.StatusCode}: {body}");
        }

        var created = await response.Content.ReadFromJsonAsync<NotifyCreated>(cancellationToken);
        return created?.Id ?? "";
    }

    private sealed record NotifyCreated([property: JsonPropertyName("id")] string Id);
}
