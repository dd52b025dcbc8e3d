namespace TakeUp.Hosting;

/// <summary>
/// The one path by which queue and timer functions run: the host's HTTP invocation endpoint,
/// the local queue listener, the local timer scheduler and the local admin endpoint all call it.
/// </summary>
public interface IFunctionInvoker
{
    /// <summary>
    /// Runs the named function in a fresh service scope. Never throws for a function's own
    /// failure: that is reported as an unsuccessful result (and logged with its exception).
    /// </summary>
    Task<InvocationResult> InvokeAsync(string functionName, InvocationRequest request, CancellationToken cancellationToken);
}
