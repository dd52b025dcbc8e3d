using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakeUp.Functions.Auth;

/// <summary>The <c>X-MS-CLIENT-PRINCIPAL</c> header App Service Authentication adds: base64 JSON.</summary>
public sealed record AppServicePrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("claims")] IReadOnlyList<AppServiceClaim>? Claims,
    [property: JsonPropertyName("name_typ")] string? NameType,
    [property: JsonPropertyName("role_typ")] string? RoleType)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static AppServicePrincipal? TryDecode(string header)
    {
        try
        {
            return JsonSerializer.Deserialize<AppServicePrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    public IEnumerable<string> Values(string? type) =>
        type is null ? [] : (Claims ?? []).Where(c => c.Type == type && c.Value is not null).Select(c => c.Value!);
}

public sealed record AppServiceClaim(
    [property: JsonPropertyName("typ")] string? Type,
    [property: JsonPropertyName("val")] string? Value);
