using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace TakeUp.Storage;

/// <summary>
/// Reads a <c>$batch</c> answer: a multipart/mixed body with one changeset response whose parts are
/// application/http responses. On success there is one part per action, in order; on failure the service
/// answers with a single part, the failed action's error, whose message starts with its index ("3:The
/// specified entity already exists.").
/// </summary>
internal static partial class TableTransactionResponse
{
    public static IReadOnlyList<Response> ReadParts(Response batch)
    {
        var text = batch.Content.ToString();
        var boundary = ChangesetBoundary().Match(text);
        if (!boundary.Success)
        {
            throw new RequestFailedException(batch.Status, "The Table service's $batch answer has no changeset boundary, so its outcome is unknown.", null, null);
        }

        var delimiter = "--" + boundary.Groups["boundary"].Value;
        var parts = new List<Response>();
        foreach (var chunk in text.Split(delimiter).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            parts.Add(ReadPart(chunk, batch.ClientRequestId));
        }

        return parts;
    }

    /// <summary>The zero-based action index from an error message of the form "index:message".</summary>
    public static int? FailedIndex(Response part, int actionCount)
    {
        var message = StorageErrorParser.ReadMessage(part);
        var match = message is null ? Match.Empty : IndexPrefix().Match(message);
        return match.Success && int.TryParse(match.Groups["index"].Value, out var index) && index < actionCount ? index : null;
    }

    private static BufferedResponse ReadPart(string chunk, string clientRequestId)
    {
        var status = StatusLine().Match(chunk);
        if (!status.Success)
        {
            throw new FormatException("A part of the Table service's $batch answer has no HTTP status line.");
        }

        var rest = chunk[(status.Index + status.Length)..];
        var headerEnd = FindBlankLine(rest, out var separatorLength);
        var headerBlock = headerEnd < 0 ? rest : rest[..headerEnd];
        var body = headerEnd < 0 ? string.Empty : rest[(headerEnd + separatorLength)..].Trim('\r', '\n');

        var headers = new List<HttpHeader>();
        foreach (var line in headerBlock.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new HttpHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new BufferedResponse(
            int.Parse(status.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture),
            status.Groups["reason"].Value.Trim(),
            headers,
            Encoding.UTF8.GetBytes(body),
            clientRequestId);
    }

    private static int FindBlankLine(string text, out int separatorLength)
    {
        // A part with no headers at all: the status line is followed directly by the blank line.
        if (text.StartsWith('\n') || text.StartsWith("\r\n", StringComparison.Ordinal))
        {
            separatorLength = text[0] == '\n' ? 1 : 2;
            return 0;
        }

        var crlf = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lf = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (crlf >= 0 && (lf < 0 || crlf <= lf))
        {
            separatorLength = 4;
            return crlf;
        }

        separatorLength = 2;
        return lf;
    }

    [GeneratedRegex(@"boundary=(?<boundary>[^\s;\""]+)")]
    private static partial Regex ChangesetBoundary();

    [GeneratedRegex(@"HTTP/1\.1 (?<status>\d{3})(?<reason>[^\r\n]*)\r?\n")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?<index>\d+):")]
    private static partial Regex IndexPrefix();
}
