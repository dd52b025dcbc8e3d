using System.Globalization;

namespace TakeUp.Storage;

/// <summary>
/// Builds OData <c>$filter</c> expressions in which every value is a quoted literal, so that no input can
/// change what a filter means: <c>TableFilter.Create($"PartitionKey eq {pk} and Count gt {min}")</c>.
/// </summary>
/// <remarks>
/// Mirrors Azure.Data.Tables' <c>TableClient.CreateQueryFilter</c>. The result is plain filter text; the
/// client URL-encodes it when it builds the request.
/// </remarks>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments();
        var literals = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            literals[i] = Literal(arguments[i], i);
        }

        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary><c>PartitionKey eq '…'</c>.</summary>
    public static string PartitionKeyEquals(string partitionKey) => Create($"PartitionKey eq {partitionKey}");

    /// <summary>Every partition key from <paramref name="fromInclusive"/> to <paramref name="toInclusive"/> in ordinal order.</summary>
    public static string PartitionKeyRange(string fromInclusive, string toInclusive) =>
        Create($"PartitionKey ge {fromInclusive} and PartitionKey le {toInclusive}");

    private static string Literal(object? value, int index) => value switch
    {
        null => throw new ArgumentException(
            $"Filter argument {index} is null. The Table service cannot compare with null; leave the condition out instead.", nameof(value)),
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d, index),
        float f => DoubleLiteral(f, index),
        DateTimeOffset dto => $"datetime'{TableEntityJson.FormatDateTime(dto)}'",
        DateTime dt => $"datetime'{TableEntityJson.FormatDateTime(TableEntity.ToDateTimeOffset(dt, $"filter argument {index}"))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToMemory().Span)}'",
        _ => throw new ArgumentException(
            $"Filter argument {index} is a {value.GetType().Name}, which a table filter cannot hold. " +
            "Use string, bool, int, long, double, DateTimeOffset, Guid or byte[].", nameof(value)),
    };

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double value, int index)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Filter argument {index} is {value}; a table filter can only compare with finite numbers.", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);

        // A bare "2" would be read as an Int32 literal; keep it a double.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
