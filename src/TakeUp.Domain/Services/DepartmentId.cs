using System.Text.RegularExpressions;

namespace TakeUp.Domain.Services;

/// <summary>A department's identifier, e.g. <c>dwp</c>; the unit an ingest key is scoped to.</summary>
public readonly partial record struct DepartmentId
{
    private DepartmentId(string value) => Value = value;

    public string Value { get; }

    public static DepartmentId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new ArgumentException(Rule(value), nameof(value));

    public static bool TryParse(string? value, out DepartmentId id)
    {
        if (value is not null && Pattern().IsMatch(value))
        {
            id = new DepartmentId(value);
            return true;
        }

        id = default;
        return false;
    }

    public static string Rule(string? value) =>
        $"'{value}' is not a department id: use 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit.";

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
