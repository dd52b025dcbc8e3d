using Microsoft.Extensions.Options;
using Notify.Client;
using Notify.Exceptions;

namespace TakeUp.Functions.Alerts;

/// <summary>The e-mail Notify is asked to send.</summary>
public sealed record NotifyEmail(
    string EmailAddress,
    string TemplateId,
    IReadOnlyDictionary<string, string> Personalisation,
    string Reference);

/// <summary>Notify refused or failed to take an e-mail; the message says why, as Notify put it.</summary>
public sealed class NotifyException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Sends e-mails through GOV.UK Notify's official .NET client (<c>GovukNotify</c>), which signs
/// each call with a JWT made from the API key. One client for the app's lifetime: it owns its
/// HttpClient, and its <c>(baseUrl, apiKey)</c> constructor is the one that honours
/// <c>Notify:BaseUrl</c> (the <c>IHttpClient</c> one always calls the production address).
/// </summary>
/// <remarks>
/// Version 6.0.0 is used because 8.x needs a JWT package the feed lacks. It takes no cancellation
/// token and signs with the machine's clock (Notify checks the token's time against its own), so
/// the call is abandoned, not cancelled, when the invocation is.
/// </remarks>
public sealed class NotifyClient(IOptions<NotifyOptions> options)
{
    private readonly Lazy<NotificationClient> _client = new(() =>
        new NotificationClient(options.Value.BaseUrl.ToString(), options.Value.ApiKey));

    /// <returns>The id Notify gave the notification.</returns>
    public async Task<string> SendEmailAsync(NotifyEmail email, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.Value.SendEmailAsync(
                    email.EmailAddress,
                    email.TemplateId,
                    email.Personalisation.ToDictionary(p => p.Key, p => (dynamic)p.Value),
                    email.Reference)
                .WaitAsync(cancellationToken);
            return response.id;
        }
        catch (NotifyClientException ex)
        {
            throw new NotifyException($"Notify refused the e-mail: {ex.Message}", ex);
        }
        catch (AggregateException ex) when (ex.InnerException is HttpRequestException unreachable)
        {
            // The client waits on its HTTP call synchronously inside, so a network failure arrives wrapped.
            throw new NotifyException($"Notify could not be reached: {unreachable.Message}", ex);
        }
        catch (NotifyAuthException ex)
        {
            throw new NotifyException($"Notify:ApiKey is not a valid GOV.UK Notify API key ({ex.Message}); copy it again from Notify's API integration page.", ex);
        }
    }
}
