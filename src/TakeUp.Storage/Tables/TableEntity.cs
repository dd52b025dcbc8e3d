using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace TakeUp.Storage;

/// <summary>
/// A table entity as a property bag: <c>PartitionKey</c>, <c>RowKey</c>, <c>Timestamp</c> and custom properties.
/// </summary>
/// <remarks>
/// Values are held as the CLR type of their Edm type: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> (UTC), <see cref="Guid"/>, and
/// <c>byte[]</c> (a <see cref="BinaryData"/> is accepted too). A <see cref="DateTime"/> is stored as a
/// <see cref="DateTimeOffset"/> if its kind says which instant it is. Null values are not sent, so a null
/// property reads back as missing. Anything else is refused when it is set, naming the property.
/// </remarks>
public sealed class TableEntity : IDictionary<string, object?>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>For entities read from the service, whose keys are taken as the service gave them.</summary>
    private TableEntity()
    {
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? throw MissingKey(PartitionKeyName);
        set
        {
            TableKeys.ValidateKey(value, PartitionKeyName);
            _properties[PartitionKeyName] = value;
        }
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? throw MissingKey(RowKeyName);
        set
        {
            TableKeys.ValidateKey(value, RowKeyName);
            _properties[RowKeyName] = value;
        }
    }

    /// <summary>When the service last wrote the entity; set by the service, never sent.</summary>
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => _properties[TimestampName] = value;
    }

    /// <summary>The version read from the service; pass it to an update or delete to make it conditional.</summary>
    public ETag ETag { get; set; }

    public int Count => _properties.Count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public object? this[string key]
    {
        get => _properties[key];
        set => _properties[key] = Normalize(key, value);
    }

    public string? GetString(string key) => Get<string>(key);

    public int? GetInt32(string key) => Get<int?>(key);

    /// <summary>Also reads an Int32 value: the service sends small numbers without a type.</summary>
    public long? GetInt64(string key) => TryGetValue(key, out var value) && value is int i ? i : Get<long?>(key);

    /// <summary>Also reads whole numbers that came back without a type annotation.</summary>
    public double? GetDouble(string key) => TryGetValue(key, out var value) && value is int i ? i : Get<double?>(key);

    public bool? GetBoolean(string key) => Get<bool?>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => Get<DateTimeOffset?>(key);

    public Guid? GetGuid(string key) => Get<Guid?>(key);

    public byte[]? GetBinary(string key) =>
        TryGetValue(key, out var value) && value is BinaryData data ? data.ToArray() : Get<byte[]>(key);

    public void Add(string key, object? value) => _properties.Add(key, Normalize(key, value));

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    public void Clear() => _properties.Clear();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public override string ToString() =>
        $"TableEntity({GetString(PartitionKeyName)}, {GetString(RowKeyName)}, {Count} properties)";

    /// <summary>Builds an entity from values the deserializer has already typed.</summary>
    internal static TableEntity FromService(IEnumerable<KeyValuePair<string, object?>> properties, ETag etag)
    {
        var entity = new TableEntity { ETag = etag };
        foreach (var (key, value) in properties)
        {
            entity._properties[key] = value;
        }

        return entity;
    }

    internal static DateTimeOffset ToDateTimeOffset(DateTime value, string what) => value.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(value),
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime()),
        _ => throw new ArgumentException(
            $"The {what} is a DateTime of unspecified kind, so it is not clear which instant it is. Use a DateTimeOffset or a DateTime with Kind Utc."),
    };

    private T? Get<T>(string key)
    {
        if (!_properties.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var wanted = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        throw new InvalidOperationException($"The property '{key}' holds a {value.GetType().Name}, not a {wanted.Name}.");
    }

    private static object? Normalize(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith("odata.", StringComparison.Ordinal) || key.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is reserved for OData annotations and cannot be an entity property.", nameof(key));
        }

        switch (key)
        {
            case PartitionKeyName or RowKeyName:
                TableKeys.ValidateKey(value as string ?? (value is null ? null : throw new ArgumentException($"The {key} must be a string.", nameof(value))), key);
                return value;
            case TimestampName when value is not (null or DateTimeOffset or DateTime):
                throw new ArgumentException("Timestamp must be a DateTimeOffset.", nameof(value));
        }

        return value switch
        {
            null or string or int or long or double or bool or DateTimeOffset or Guid or byte[] or BinaryData => value,
            DateTime dateTime => ToDateTimeOffset(dateTime, $"property '{key}'"),
            _ => throw new ArgumentException(
                $"The property '{key}' is a {value.GetType().Name}, which the Table service cannot store. " +
                "Use string, int, long, double, bool, DateTimeOffset, Guid or byte[].", nameof(value)),
        };
    }

    private static InvalidOperationException MissingKey(string name) =>
        new($"This entity has no {name}: it was removed from the property bag.");
}
