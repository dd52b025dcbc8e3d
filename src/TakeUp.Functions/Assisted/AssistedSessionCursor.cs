using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// Where the next page of sessions starts: after the row <see cref="RowKey"/> of the month
/// partition <see cref="Month"/>. Callers see it only as an opaque <c>continuation</c> string
/// (base64url of a small JSON object that also carries a fingerprint of the query it belongs to),
/// and it is resumed with a <c>RowKey gt</c> filter rather than a storage continuation token, so an
/// altered token can at worst start a page elsewhere in the caller's own query: it is checked and
/// refused with a 400, never passed to storage unchecked.
/// </summary>
public sealed record AssistedSessionCursor(string Month, string RowKey)
{
    private const int Version = 1;
    private const int MaxTokenLength = 512;

    public string Encode(AssistedSessionQuery query)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Token(Version, Month, RowKey, Fingerprint(query)));
        return Base64Url.EncodeToString(json);
    }

    /// <returns>The cursor, or null with the reason the text is not a continuation of this query.</returns>
    public static AssistedSessionCursor? Decode(string text, AssistedSessionQuery query, out string? problem)
    {
        problem = "The continuation is not one this API gave for this query; copy it exactly from the last page, or leave it out to start again.";
        if (text.Length > MaxTokenLength || !Base64Url.IsValid(text))
        {
            return null;
        }

        Token? token;
        try
        {
            token = JsonSerializer.Deserialize<Token>(Base64Url.DecodeFromChars(text));
        }
        catch (JsonException)
        {
            return null;
        }

        if (token is null || token.V != Version || !AssistedSessionKeys.IsMonth(token.M) || !AssistedSessionKeys.IsRowKey(token.K)
            || !AssistedSessionStore.MonthsNewestFirst(query.Days).Contains(token.M))
        {
            return null;
        }

        if (token.Q != Fingerprint(query))
        {
            problem = "The continuation belongs to a query with other from, to, route or outcome values; ask again with the same ones, or leave it out to start again.";
            return null;
        }

        problem = null;
        return new AssistedSessionCursor(token.M!, token.K!);
    }

    private static string Fingerprint(AssistedSessionQuery query)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{query.Service.Value}|{query.Days.From:yyyy-MM-dd}|{query.Days.To:yyyy-MM-dd}|{query.Route?.Name}|{query.Outcome?.Name}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    /// <summary>Version, month, row key, query fingerprint: short names keep the token short.</summary>
    private sealed record Token(int V, string? M, string? K, string? Q);
}
