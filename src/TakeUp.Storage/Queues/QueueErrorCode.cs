namespace TakeUp.Storage;

/// <summary>
/// Error codes the Queue service returns in <c>&lt;Error&gt;&lt;Code&gt;</c>, compared with
/// <see cref="Azure.RequestFailedException.ErrorCode"/>: <c>ex.ErrorCode == QueueErrorCode.MessageNotFound</c>.
/// </summary>
public readonly struct QueueErrorCode : IEquatable<QueueErrorCode>
{
    private readonly string? _value;

    public QueueErrorCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    public static QueueErrorCode AuthenticationFailed { get; } = new("AuthenticationFailed");
    public static QueueErrorCode AuthorizationFailure { get; } = new("AuthorizationFailure");
    public static QueueErrorCode InvalidQueryParameterValue { get; } = new("InvalidQueryParameterValue");
    public static QueueErrorCode InvalidXmlDocument { get; } = new("InvalidXmlDocument");
    public static QueueErrorCode MessageNotFound { get; } = new("MessageNotFound");
    public static QueueErrorCode MessageTooLarge { get; } = new("MessageTooLarge");
    public static QueueErrorCode OperationTimedOut { get; } = new("OperationTimedOut");
    public static QueueErrorCode PopReceiptMismatch { get; } = new("PopReceiptMismatch");
    public static QueueErrorCode QueueAlreadyExists { get; } = new("QueueAlreadyExists");
    public static QueueErrorCode QueueBeingDeleted { get; } = new("QueueBeingDeleted");
    public static QueueErrorCode QueueDisabled { get; } = new("QueueDisabled");
    public static QueueErrorCode QueueNotEmpty { get; } = new("QueueNotEmpty");
    public static QueueErrorCode QueueNotFound { get; } = new("QueueNotFound");
    public static QueueErrorCode RequestBodyTooLarge { get; } = new("RequestBodyTooLarge");
    public static QueueErrorCode ServerBusy { get; } = new("ServerBusy");

    public static implicit operator QueueErrorCode(string value) => new(value);

    public static bool operator ==(QueueErrorCode left, QueueErrorCode right) => left.Equals(right);

    public static bool operator !=(QueueErrorCode left, QueueErrorCode right) => !left.Equals(right);

    // Explicit string overloads so that comparing a null RequestFailedException.ErrorCode is simply false.
    public static bool operator ==(string? left, QueueErrorCode right) => string.Equals(left, right._value, StringComparison.Ordinal);

    public static bool operator !=(string? left, QueueErrorCode right) => !(left == right);

    public static bool operator ==(QueueErrorCode left, string? right) => right == left;

    public static bool operator !=(QueueErrorCode left, string? right) => !(right == left);

    public bool Equals(QueueErrorCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj switch
    {
        QueueErrorCode code => Equals(code),
        string text => text == this,
        _ => false,
    };

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public override string ToString() => _value ?? string.Empty;
}
