using System.Text.RegularExpressions;

namespace TakeUp.Domain.Services;

/// <summary>A deliberately plain check: one @, something before it, a dotted domain after it, no spaces.</summary>
public static partial class EmailAddress
{
    public static bool IsValid(string? text) => text is not null && text.Length <= 254 && Pattern().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
