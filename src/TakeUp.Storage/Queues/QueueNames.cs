using System.Text.RegularExpressions;

namespace TakeUp.Storage;

internal static partial class QueueNames
{
    public static void Validate(string? queueName, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(queueName, parameterName);
        if (!QueueName().IsMatch(queueName))
        {
            throw new ArgumentException(
                $"'{queueName}' is not a valid queue name: use 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
                parameterName);
        }
    }

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
