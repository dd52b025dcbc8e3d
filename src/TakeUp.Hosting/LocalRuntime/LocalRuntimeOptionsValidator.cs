using Microsoft.Extensions.Options;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Checks the local runtime's settings, only when the local runtime will use them.</summary>
internal sealed class LocalRuntimeOptionsValidator(FunctionsHostEnvironment environment) : IValidateOptions<LocalRuntimeOptions>
{
    private const string Section = LocalRuntimeOptions.SectionName;

    // Azure Queue Storage's own limit on a visibility timeout.
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, LocalRuntimeOptions options)
    {
        if (!environment.LocalRuntimeActive)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.BatchSize is < 1 or > 32)
        {
            failures.Add($"{Section}:BatchSize is {options.BatchSize}; set it (or host.json extensions.queues.batchSize) between 1 and 32, the most one receive returns.");
        }

        if (options.MaxDequeueCount < 1)
        {
            failures.Add($"{Section}:MaxDequeueCount is {options.MaxDequeueCount}; set it (or host.json extensions.queues.maxDequeueCount) to 1 or more.");
        }

        if (options.MinPollingInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:MinPollingInterval is {options.MinPollingInterval}; set a positive interval such as 00:00:00.100.");
        }

        if (options.MaxPollingInterval < options.MinPollingInterval)
        {
            failures.Add($"{Section}:MaxPollingInterval ({options.MaxPollingInterval}) is shorter than {Section}:MinPollingInterval ({options.MinPollingInterval}); raise it (or host.json extensions.queues.maxPollingInterval).");
        }

        if (options.VisibilityTimeout < TimeSpan.Zero || options.VisibilityTimeout > MaxVisibility)
        {
            failures.Add($"{Section}:VisibilityTimeout is {options.VisibilityTimeout}; set it (or host.json extensions.queues.visibilityTimeout) from 00:00:00 to 7.00:00:00.");
        }

        if (options.MessageLease < TimeSpan.FromMilliseconds(100) || options.MessageLease > MaxVisibility)
        {
            failures.Add($"{Section}:MessageLease is {options.MessageLease}; set it from 00:00:00.100 to 7.00:00:00 (10 minutes matches Azure).");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{Section}:DataDirectory is empty; set it to a writable folder or leave it unset for the default '.data'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
