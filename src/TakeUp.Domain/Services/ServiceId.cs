using System.Text.RegularExpressions;

namespace TakeUp.Domain.Services;

/// <summary>
/// A service's identifier, as used in routes, storage keys and filters. The pattern keeps every id
/// safe to place in a partition key and a URL without escaping.
/// </summary>
public readonly partial record struct ServiceId
{
    private ServiceId(string value) => Value = value;

    public string Value { get; }

    public static ServiceId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new ArgumentException(Rule(value), nameof(value));

    public static bool TryParse(string? value, out ServiceId id)
    {
        if (value is not null && Pattern().IsMatch(value))
        {
            id = new ServiceId(value);
            return true;
        }

        id = default;
        return false;
    }

    public static string Rule(string? value) =>
        $"'{value}' is not a service id: use 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit.";

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
