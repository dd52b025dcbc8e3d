namespace TakeUp.Hosting.Invocation;

/// <summary>The invocation could not be turned into the function's arguments; the function did not run.</summary>
internal sealed class InvocationPayloadException : Exception
{
    public InvocationPayloadException(string message)
        : base(message)
    {
    }

    public InvocationPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
