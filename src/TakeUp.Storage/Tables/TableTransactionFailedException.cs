using Azure;

namespace TakeUp.Storage;

/// <summary>
/// An entity-group transaction was refused. Nothing in it was written; <see cref="FailedTransactionActionIndex"/>
/// names the action the service stopped at (zero-based), when the service said which.
/// </summary>
/// <remarks>
/// <see cref="RequestFailedException.Status"/>, <see cref="RequestFailedException.ErrorCode"/> and
/// <see cref="RequestFailedException.GetRawResponse"/> are those of the failed action (e.g. 409 EntityAlreadyExists,
/// 412 UpdateConditionNotSatisfied), not of the enclosing <c>$batch</c> request.
/// </remarks>
public class TableTransactionFailedException : RequestFailedException
{
    /// <summary>For tests and mocks: wraps an exception that stands for the failed action.</summary>
    public TableTransactionFailedException(
        RequestFailedException requestFailedException,
        int? failedTransactionActionIndex = null,
        TableTransactionAction? failedTransactionAction = null)
        : base(
            (requestFailedException ?? throw new ArgumentNullException(nameof(requestFailedException))).Status,
            requestFailedException.Message,
            requestFailedException.ErrorCode,
            requestFailedException)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
        FailedTransactionAction = failedTransactionAction;
    }

    internal TableTransactionFailedException(Response failedAction, int? failedTransactionActionIndex, TableTransactionAction? failedTransactionAction)
        : base(failedAction, innerException: null, StorageErrorParser.Instance)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
        FailedTransactionAction = failedTransactionAction;
    }

    public int? FailedTransactionActionIndex { get; }

    public TableTransactionAction? FailedTransactionAction { get; }
}
