namespace TakeUp.Hosting.Invocation;

/// <summary>
/// Turns an invocation request into a call on one function type. Created when the function is
/// mapped, carried as endpoint metadata, and found again through the catalog.
/// </summary>
internal interface IFunctionBinding
{
    FunctionTrigger Trigger { get; }

    /// <summary>Runs the function; returns a line for the host's log.</summary>
    /// <exception cref="InvocationPayloadException">The request could not be bound; the function did not run.</exception>
    Task<string> InvokeAsync(string functionName, IServiceProvider services, InvocationRequest request, CancellationToken cancellationToken);
}
