using System.Text.RegularExpressions;

namespace TakeUp.Storage;

/// <summary>
/// The Table service's rules for table names and key values, checked before a request is sent so that a bad
/// key fails with a clear message naming it instead of a bare 400 InvalidInput.
/// </summary>
internal static partial class TableKeys
{
    /// <summary>Keys may be up to 1 KiB, and the service counts UTF-16: 512 characters.</summary>
    public const int MaxKeyLength = 512;

    public static void ValidateKey(string? value, string keyName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(keyName, $"The {keyName} must not be null.");
        }

        if (value.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The {keyName} is {value.Length} characters long; the Table service allows at most {MaxKeyLength} (1 KiB).", keyName);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                throw new ArgumentException($"The {keyName} contains {shown}; keys must not contain '/', '\\', '#', '?' or control characters.", keyName);
            }
        }
    }

    public static void ValidateTableName(string? tableName, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(tableName, parameterName);
        if (!TableName().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: use 3 to 63 letters and digits, starting with a letter.", parameterName);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
