using System.Collections.Concurrent;

namespace TakeUp.LocalHost.Functions;

/// <summary>Which function each running invocation belongs to, so worker logs can name it.</summary>
internal sealed class InvocationRegistry
{
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);

    public void Started(string invocationId, string functionName) => _running[invocationId] = functionName;

    public void Finished(string invocationId) => _running.TryRemove(invocationId, out _);

    public string? FunctionNameOf(string invocationId) => _running.TryGetValue(invocationId, out var name) ? name : null;
}
