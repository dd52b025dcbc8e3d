using System.Text.RegularExpressions;

namespace TakeUp.Hosting;

/// <summary>The naming rules the Functions host applies to function and queue names.</summary>
internal static partial class FunctionNames
{
    /// <summary>The suffix the host appends to a queue's name for messages that failed too often.</summary>
    public const string PoisonSuffix = "-poison";

    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!FunctionName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid Azure Functions name: use a letter followed by up to 127 letters, digits, '_' or '-'.",
                nameof(name));
        }
    }

    public static void ValidateQueue(string functionName, string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);

        // The poison queue's name must be valid too, so the queue's own limit is 63 minus the suffix.
        if (!QueueName().IsMatch(queueName) || queueName.Contains("--", StringComparison.Ordinal)
            || queueName.Length + PoisonSuffix.Length > 63)
        {
            throw new ArgumentException(
                $"Queue function '{functionName}' names queue '{queueName}', which is not a valid storage queue name: " +
                $"use 3-{63 - PoisonSuffix.Length} lower-case letters, digits and single hyphens, starting and ending with a letter or digit " +
                $"(the limit leaves room for '{PoisonSuffix}').",
                nameof(queueName));
        }
    }

    public static string Poison(string queueName) => queueName + PoisonSuffix;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
