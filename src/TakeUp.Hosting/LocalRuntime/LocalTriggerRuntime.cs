namespace TakeUp.Hosting;

/// <summary>
/// The triggers the local runtime actually wired: a queue listener or a timer schedule per
/// function, recorded as each one starts. Empty under the Functions host. Lets tests prove that
/// what runs locally is what the catalog and function.json declare.
/// </summary>
public sealed class LocalTriggerRuntime
{
    private readonly List<FunctionDescriptor> _active = [];

    public IReadOnlyList<FunctionDescriptor> ActiveTriggers
    {
        get
        {
            lock (_active)
            {
                return [.. _active];
            }
        }
    }

    internal void Register(FunctionDescriptor function)
    {
        lock (_active)
        {
            _active.Add(function);
        }
    }
}
