namespace TakeUp.Hosting.Invocation;

internal static class FunctionInstance
{
    /// <summary>
    /// Runs a call on a function instance, then disposes the instance if it is disposable:
    /// instances made by ActivatorUtilities are not tracked by the service scope.
    /// </summary>
    public static async Task RunAsync(object function, Func<Task> run)
    {
        try
        {
            await run();
        }
        finally
        {
            switch (function)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
