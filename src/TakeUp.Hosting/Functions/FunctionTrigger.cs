namespace TakeUp.Hosting;

/// <summary>What starts a function. The three kinds below are the only ones this host supports.</summary>
public abstract record FunctionTrigger;

/// <summary>An HTTP-triggered function, forwarded by the Functions host to the same path.</summary>
/// <param name="Route">The route template relative to the host's route prefix (e.g. <c>usage</c>
/// for <c>/api/usage</c>), in the form function.json expects.</param>
/// <param name="Methods">Upper-case HTTP methods; empty means every method.</param>
public sealed record HttpFunctionTrigger(string Route, IReadOnlyList<string> Methods) : FunctionTrigger
{
    // Records compare lists by reference; catalogs are compared in tests, so compare by value.
    public bool Equals(HttpFunctionTrigger? other) =>
        other is not null
        && string.Equals(Route, other.Route, StringComparison.Ordinal)
        && Methods.SequenceEqual(other.Methods, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(Route, Methods.Count);
}

/// <param name="QueueName">The queue polled; failed messages end in <c>{QueueName}-poison</c>.</param>
/// <param name="Connection">The app setting naming the storage account.</param>
public sealed record QueueFunctionTrigger(string QueueName, string Connection) : FunctionTrigger;

/// <param name="Schedule">A six-field NCRONTAB expression evaluated in Europe/London.</param>
public sealed record TimerFunctionTrigger(string Schedule) : FunctionTrigger;
