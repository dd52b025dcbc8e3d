using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace TakeUp.Storage;

/// <summary>
/// Reads the service's error code and message from a failed response: the Table service answers with
/// JSON (<c>{"odata.error":{"code":..,"message":{"value":..}}}</c>), the Queue service with XML
/// (<c>&lt;Error&gt;&lt;Code&gt;..&lt;/Code&gt;&lt;Message&gt;..&lt;/Message&gt;&lt;/Error&gt;</c>), and both put the code in
/// <c>x-ms-error-code</c> when there is no body (HEAD requests, some authentication failures).
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var (code, message) = Read(response);
        code ??= response.Headers.TryGetValue("x-ms-error-code", out var headerCode) ? headerCode : null;
        error = code is null && message is null ? null : new ResponseError(code, message ?? response.ReasonPhrase);
        return error is not null;
    }

    /// <summary>The service's own message, without the status and headers Azure.Core adds around it.</summary>
    public static string? ReadMessage(Response response) => Read(response).Message;

    private static (string? Code, string? Message) Read(Response response)
    {
        if (response.ContentStream is null)
        {
            return (null, null);
        }

        var content = response.Content;
        var text = content.ToMemory().Span.TrimStart(" \t\r\n\uFEFF"u8);
        if (text.IsEmpty)
        {
            return (null, null);
        }

        return text[0] switch
        {
            (byte)'{' => ReadJson(content),
            (byte)'<' => ReadXml(content),
            _ => (null, null),
        };
    }

    private static (string? Code, string? Message) ReadJson(BinaryData content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (!root.TryGetProperty("odata.error", out var error) && !root.TryGetProperty("error", out error))
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            string? message = null;
            if (error.TryGetProperty("message", out var m))
            {
                message = m.ValueKind switch
                {
                    JsonValueKind.String => m.GetString(),
                    JsonValueKind.Object when m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
                    _ => null,
                };
            }

            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static (string? Code, string? Message) ReadXml(BinaryData content)
    {
        try
        {
            var root = XDocument.Parse(content.ToString()).Root;
            if (root is null)
            {
                return (null, null);
            }

            // <Error><Code> from the Queue service; OData's <error><code> from the Table service's XML answers.
            string? Child(string name) => root.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;
            return (Child("Code"), Child("Message"));
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }
}
