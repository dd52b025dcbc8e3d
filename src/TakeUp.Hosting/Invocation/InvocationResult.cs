namespace TakeUp.Hosting;

/// <summary>How an invocation ended, and the lines to hand back to the Functions host's log.</summary>
/// <param name="Logs">Short, caller-safe lines: what ran, or what failed (never a stack trace).</param>
public sealed record InvocationResult(bool Succeeded, IReadOnlyList<string> Logs)
{
    public static InvocationResult Success(params string[] logs) => new(true, logs);

    public static InvocationResult Failure(params string[] logs) => new(false, logs);
}
