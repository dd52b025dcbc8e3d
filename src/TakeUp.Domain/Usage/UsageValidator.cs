using TakeUp.Domain.Calendar;
using System.Globalization;
using TakeUp.Domain.Services;

namespace TakeUp.Domain.Usage;

/// <summary>
/// Checks a whole usage submission and reports every error at once (design invariant 5): a batch
/// with one bad row is refused whole, so a caller fixes everything in one go.
/// </summary>
public static class UsageValidator
{
    /// <summary>The largest count accepted for one row; far above any real day, well inside Int64.</summary>
    public const long MaxCount = 1_000_000_000_000;

    /// <param name="today">Today in Europe/London: later dates are refused.</param>
    /// <param name="checkService">Says why a service may not be reported by this caller, or null when it may.</param>
    public static UsageValidation Validate(
        IReadOnlyList<UsageRowInput> inputs,
        DateOnly today,
        Func<ServiceId, string?>? checkService = null)
    {
        var errors = new List<InputError>();
        var rows = new List<UsageRow>(inputs.Count);
        var firstSeen = new Dictionary<(DateOnly, ServiceId, CountKey), int>();

        if (inputs.Count == 0)
        {
            errors.Add(new InputError(0, "rows", "The submission has no rows."));
        }

        foreach (var input in inputs)
        {
            var rowErrors = errors.Count;
            var date = ParseDate(input, today, errors);
            var service = ParseService(input, checkService, errors);
            var channelOk = Channel.TryParse(input.Channel, out var channel);
            if (!channelOk)
            {
                errors.Add(new InputError(input.Row, "channel", Channel.UnknownReason(input.Channel)));
            }

            if (!AssistedSupport.TryParse(input.Assisted, out var assisted))
            {
                errors.Add(new InputError(input.Row, "assisted", AssistedSupport.UnknownReason(input.Assisted)));
            }
            else if (channelOk && assisted.IsAssisted && !channel.IsDigital)
            {
                errors.Add(new InputError(input.Row, "assisted",
                    $"Assisted digital support applies only to digital channels (online, api), not '{channel.Name}'."));
            }

            var count = ParseCount(input, errors);

            if (errors.Count == rowErrors && date is { } d && service is { } s && count is { } c)
            {
                var key = new CountKey(channel, assisted);
                if (firstSeen.TryGetValue((d, s, key), out var earlier))
                {
                    errors.Add(new InputError(input.Row, "row",
                        $"Repeats row {earlier} (same date, service, channel and assisted value); send each once."));
                }
                else
                {
                    firstSeen[(d, s, key)] = input.Row;
                    rows.Add(new UsageRow(d, s, key, c));
                }
            }
        }

        return errors.Count == 0 ? UsageValidation.Valid(rows) : UsageValidation.Invalid(errors);
    }

    private static DateOnly? ParseDate(UsageRowInput input, DateOnly today, List<InputError> errors)
    {
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add(new InputError(input.Row, "date", "A date is required (yyyy-MM-dd)."));
            return null;
        }

        if (!DateOnly.TryParseExact(input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new InputError(input.Row, "date", $"'{input.Date}' is not a date in the form yyyy-MM-dd."));
            return null;
        }

        if (date > today)
        {
            errors.Add(new InputError(input.Row, "date", $"{input.Date} is in the future (today is {today:yyyy-MM-dd} in London)."));
            return null;
        }

        if (!SupportedDates.Contains(date))
        {
            errors.Add(new InputError(input.Row, "date", SupportedDates.Rule(input.Date)));
            return null;
        }

        return date;
    }

    private static ServiceId? ParseService(UsageRowInput input, Func<ServiceId, string?>? checkService, List<InputError> errors)
    {
        if (!ServiceId.TryParse(input.Service, out var service))
        {
            errors.Add(new InputError(input.Row, "service", ServiceId.Rule(input.Service)));
            return null;
        }

        if (checkService?.Invoke(service) is { } reason)
        {
            errors.Add(new InputError(input.Row, "service", reason));
            return null;
        }

        return service;
    }

    private static long? ParseCount(UsageRowInput input, List<InputError> errors)
    {
        var text = input.Count?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new InputError(input.Row, "count", "A count is required."));
            return null;
        }

        if (text.StartsWith('-'))
        {
            errors.Add(new InputError(input.Row, "count", $"'{text}' is negative; counts are zero or more."));
            return null;
        }

        if (!text.All(char.IsAsciiDigit))
        {
            errors.Add(new InputError(input.Row, "count", $"'{text}' is not a whole number."));
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxCount)
        {
            errors.Add(new InputError(input.Row, "count", $"'{text}' is larger than {MaxCount:N0}, the most one row may hold."));
            return null;
        }

        return count;
    }
}

/// <summary>The outcome of validating a submission: either every row, or every error.</summary>
public sealed class UsageValidation
{
    private UsageValidation(IReadOnlyList<UsageRow> rows, IReadOnlyList<InputError> errors)
    {
        Rows = rows;
        Errors = errors;
    }

    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<UsageRow> Rows { get; }

    public IReadOnlyList<InputError> Errors { get; }

    internal static UsageValidation Valid(IReadOnlyList<UsageRow> rows) => new(rows, []);

    internal static UsageValidation Invalid(IReadOnlyList<InputError> errors) => new([], errors);
}
