using TakeUp.Hosting.Invocation;

namespace TakeUp.Hosting.Functions;

/// <summary>
/// Endpoint metadata on a queue or timer function's invocation endpoint: how to call it. The
/// catalog reads the trigger from here, so the binding that runs is the one that was declared.
/// </summary>
internal sealed class FunctionInvocationMetadata(IFunctionBinding binding)
{
    public IFunctionBinding Binding { get; } = binding;
}
