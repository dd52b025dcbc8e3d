using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage.Tests.Infrastructure;

/// <summary>
/// The wire, stubbed: records every request exactly as HttpClient would send it and answers with canned
/// responses in order. Plugged in through Azure.Core's own <see cref="HttpClientTransport"/>, so what is
/// recorded is what a real transport would put on the network (method, address, all headers, body).
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest Single => Assert.Single(Requests);

    public HttpPipelineTransport Transport => new HttpClientTransport(new HttpClient(this));

    public RecordingHandler Answer(HttpStatusCode status, string? body = null, string? contentType = null, params (string Name, string Value)[] headers)
    {
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8);
                response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "application/json");
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // NonValidated: the values as they would be written, not re-rendered by HttpClient's parsers.
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers[name] = string.Join(",", values);
        }

        byte[]? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                headers[name] = string.Join(",", values);
            }
        }

        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body));
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException($"No canned answer left for {request.Method} {request.RequestUri}.");
        }

        return _answers.Dequeue()();
    }
}

public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body)
{
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    public string Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"The request has no {name} header.");
}
