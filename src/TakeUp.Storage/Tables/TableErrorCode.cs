namespace TakeUp.Storage;

/// <summary>
/// Error codes the Table service returns in <c>odata.error.code</c>, compared with
/// <see cref="Azure.RequestFailedException.ErrorCode"/>: <c>ex.ErrorCode == TableErrorCode.EntityNotFound</c>.
/// </summary>
public readonly struct TableErrorCode : IEquatable<TableErrorCode>
{
    private readonly string? _value;

    public TableErrorCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    public static TableErrorCode AuthenticationFailed { get; } = new("AuthenticationFailed");
    public static TableErrorCode AuthorizationFailure { get; } = new("AuthorizationFailure");
    public static TableErrorCode EntityAlreadyExists { get; } = new("EntityAlreadyExists");
    public static TableErrorCode EntityNotFound { get; } = new("EntityNotFound");
    public static TableErrorCode EntityTooLarge { get; } = new("EntityTooLarge");
    public static TableErrorCode InvalidDuplicateRow { get; } = new("InvalidDuplicateRow");
    public static TableErrorCode InvalidInput { get; } = new("InvalidInput");
    public static TableErrorCode OperationTimedOut { get; } = new("OperationTimedOut");
    public static TableErrorCode OutOfRangeInput { get; } = new("OutOfRangeInput");
    public static TableErrorCode PropertyValueTooLarge { get; } = new("PropertyValueTooLarge");
    public static TableErrorCode ResourceNotFound { get; } = new("ResourceNotFound");
    public static TableErrorCode ServerBusy { get; } = new("ServerBusy");
    public static TableErrorCode TableAlreadyExists { get; } = new("TableAlreadyExists");
    public static TableErrorCode TableBeingDeleted { get; } = new("TableBeingDeleted");
    public static TableErrorCode TableNotFound { get; } = new("TableNotFound");
    public static TableErrorCode TooManyProperties { get; } = new("TooManyProperties");
    public static TableErrorCode UpdateConditionNotSatisfied { get; } = new("UpdateConditionNotSatisfied");

    public static implicit operator TableErrorCode(string value) => new(value);

    public static bool operator ==(TableErrorCode left, TableErrorCode right) => left.Equals(right);

    public static bool operator !=(TableErrorCode left, TableErrorCode right) => !left.Equals(right);

    // Explicit string overloads so that comparing a null RequestFailedException.ErrorCode is simply false.
    public static bool operator ==(string? left, TableErrorCode right) => string.Equals(left, right._value, StringComparison.Ordinal);

    public static bool operator !=(string? left, TableErrorCode right) => !(left == right);

    public static bool operator ==(TableErrorCode left, string? right) => right == left;

    public static bool operator !=(TableErrorCode left, string? right) => !(right == left);

    public bool Equals(TableErrorCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj switch
    {
        TableErrorCode code => Equals(code),
        string text => text == this,
        _ => false,
    };

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public override string ToString() => _value ?? string.Empty;
}
