namespace TakeUp.Hosting;

/// <summary>
/// A function triggered by an NCRONTAB schedule evaluated in Europe/London. Declared with
/// <see cref="FunctionsHostingEndpointExtensions.MapTimerFunction{TFunction}"/>; a new instance
/// is created in a fresh service scope for every invocation.
/// </summary>
public interface ITimerFunction
{
    Task RunAsync(TimerInfo timer, CancellationToken cancellationToken);
}
